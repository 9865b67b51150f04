using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ServicePromise.Web.Infrastructure;

/// <summary>
/// A checkbox posts "true" (and its hidden "false"); anything else ("maybe", "sí") is a field error in the reader's
/// language, and the field is kept as unticked. The framework's own binder records the error too, but leaves the raw
/// text in the model state, and the checkbox tag helper then throws converting it back when the page is shown again.
/// </summary>
public sealed class StrictBooleanBinder : IModelBinder
{
    const int Shown = 40;

    public Task BindModelAsync(ModelBindingContext context)
    {
        var posted = context.ValueProvider.GetValue(context.ModelName);
        if (posted == ValueProviderResult.None) return Task.CompletedTask;
        var value = posted.FirstValue?.Trim();
        var nullable = Nullable.GetUnderlyingType(context.ModelType) is not null;
        if (string.IsNullOrEmpty(value))
        {
            context.ModelState.SetModelValue(context.ModelName, posted);
            if (nullable) context.Result = ModelBindingResult.Success(null);
            else context.ModelState.TryAddModelError(context.ModelName,
                context.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(context.ModelMetadata.GetDisplayName()));
            return Task.CompletedTask;
        }
        if (bool.TryParse(value, out var parsed))
        {
            context.ModelState.SetModelValue(context.ModelName, posted);
            context.Result = ModelBindingResult.Success(parsed);
            return Task.CompletedTask;
        }
        var attempted = value.Length > Shown ? value[..Shown] + "…" : value;
        context.ModelState.TryAddModelError(context.ModelName,
            context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(attempted, context.ModelMetadata.GetDisplayName()));
        // Shown again unticked, so the page can render it; the error above stays.
        context.ModelState.SetModelValue(context.ModelName, false, "false");
        context.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

public sealed class StrictBooleanBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) || context.Metadata.ModelType == typeof(bool?) ? new StrictBooleanBinder() : null;
}
