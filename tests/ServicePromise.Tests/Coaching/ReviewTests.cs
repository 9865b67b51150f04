using System.Net;
using Microsoft.EntityFrameworkCore;
using ServicePromise.Tests.Support;
using ServicePromise.Web.Reflections;

namespace ServicePromise.Tests.Coaching;

/// <summary>With reviews on (Reflections:ReviewRequired), a reflection counts once its reviewer approves it.</summary>
public class ReviewTests(ReviewAppFactory app) : IClassFixture<ReviewAppFactory>
{
    [Fact]
    public async Task Approving_the_last_pillar_completes_the_promise_and_issues_the_certificate()
    {
        // Laura Gallego (MO-0403) has one pillar left; Rocío Navarro is her manager.
        var laura = await app.SignedInAsync(Coach.Email("laura.gallego"));
        var id = await laura.SendReflectionAsync(app, Coach.Email("laura.gallego"), "internal-customer");
        var waiting = await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == id)
            .Select(r => new { r.Status, r.AssignmentPillar!.ReflectedAt, r.AssignmentPillar.Assignment!.CompletedAt }).SingleAsync());
        Assert.Equal(ReflectionStatus.Submitted, waiting.Status);
        Assert.Null(waiting.ReflectedAt);
        Assert.Null(waiting.CompletedAt);
        Assert.Contains("Está esperando la revisión de tu responsable", (await laura.GetPageAsync("/pillars/internal-customer")).Text());
        Assert.DoesNotContain("¡Has completado la promesa!", (await laura.GetPageAsync("/")).Text());

        var rocio = await app.SignedInAsync(Coach.Rocio);
        var response = await rocio.DecideAsync(id, "Approved", "Muy concreto.", new Dictionary<string, string>
        {
            ["SpecificToRole"] = "true", ["NamesCustomer"] = "true", ["ConcreteAction"] = "",
        });
        Assert.Contains("Era su último pilar: Laura Gallego Cano ha completado la promesa", await rocio.FollowAsync(response));

        var after = await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == id).Select(r => new
        {
            r.Status, r.AssignmentPillar!.ReflectedAt, r.AssignmentPillar.Assignment!.CompletedAt,
            Certificates = db.Certificates.Count(c => c.AssignmentId == r.AssignmentPillar.AssignmentId),
            Review = r.Reviews.Single(),
        }).SingleAsync());
        Assert.Equal(ReflectionStatus.Accepted, after.Status);
        Assert.NotNull(after.ReflectedAt);
        Assert.NotNull(after.CompletedAt);
        Assert.Equal(1, after.Certificates);
        Assert.Equal((true, true, (bool?)null), (after.Review.SpecificToRole, after.Review.NamesCustomer, after.Review.ConcreteAction));
        Assert.Equal("Muy concreto.", after.Review.Comment);

        var home = await laura.GetPageAsync("/");
        Assert.Contains("¡Has completado la promesa!", home.Text());
        Assert.Contains("Reflexión aprobada.", (await laura.GetPageAsync("/pillars/internal-customer")).Text());
    }

    [Fact]
    public async Task A_returned_reflection_is_revised_sent_again_and_approved_keeping_the_thread()
    {
        var sergio = await app.SignedInAsync(Coach.Email("sergio.molina"));
        var id = await sergio.SendReflectionAsync(app, Coach.Email("sergio.molina"), "own-it");
        var carmen = await app.SignedInAsync(Coach.Carmen);
        var queue = await carmen.GetPageAsync("/team");
        Assert.NotNull(queue.QuerySelector($"#waiting-heading ~ .table-scroll a[href='/reviews/{id}']"));
        Assert.Contains("1 reflexión por revisar", queue.QuerySelectorAll("#team-heading ~ .table-scroll tbody tr").Single(tr => tr.TextContent.Contains("Sergio Molina")).TextContent);

        const string comment = "Di qué clientes atiendes en la carnicería y cuándo empezarás.";
        var returned = await carmen.DecideAsync(id, "Returned", comment, new Dictionary<string, string> { ["NamesCustomer"] = "false" });
        Assert.Contains("Reflexión devuelta a Sergio Molina Cabrera; le hemos enviado tu comentario por correo.", await carmen.FollowAsync(returned));
        Assert.Equal(ReflectionStatus.Returned, await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        // The email, in Sergio's language, carries the comment and a link straight to the pillar.
        var mail = app.Mails().Single(m => m.Contains("sergio.molina@"));
        Assert.Contains(comment, mail);
        Assert.Contains("Carmen Ruiz Delgado ha revisado tu reflexión", mail);
        Assert.Contains("https://promesa.test/pillars/own-it?culture=es#reflection", mail);

        // Sergio sees the comment under his reflection, which he can edit again.
        var page = await sergio.GetPageAsync("/pillars/own-it");
        Assert.Contains(comment, page.QuerySelector(".thread")!.TextContent);
        Assert.Contains("Nombra al cliente: No", page.QuerySelector(".thread")!.TextContent);
        Assert.Null(page.QuerySelector("textarea[name=Action]")!.GetAttribute("readonly"));
        var revised = UserStories.With(UserStories.Fields("/pillars/own-it"), "Customers",
            "En la carnicería atiendo a quien hace cola en el mostrador y a mis compañeros de la sección de frescos.");
        var resent = await sergio.SubmitAsync(page, ReflectionPage.Form, revised);
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(ReflectionStatus.Submitted, await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        // Carmen reviews the second version, with the first and her comment still there.
        var review = await carmen.GetPageAsync($"/reviews/{id}");
        Assert.Equal("Versión 2", review.QuerySelector("#latest-heading")!.TextContent);
        Assert.Contains("mostrador", review.QuerySelector("#latest-heading")!.ParentElement!.TextContent);
        Assert.Contains(comment, review.QuerySelector(".thread")!.TextContent);
        Assert.Contains("Versiones enviadas (1)", review.Text());
        var approved = await carmen.DecideAsync(id, "Approved");
        Assert.Contains("Reflexión aprobada: el pilar cuenta como hecho para Sergio Molina Cabrera.", await carmen.FollowAsync(approved));

        var reviews = await app.WithDbAsync(db => db.ReflectionReviews.Where(r => r.ReflectionId == id).OrderBy(r => r.VersionNumber)
            .Select(r => new { r.VersionNumber, r.Decision }).ToListAsync());
        Assert.Equal([(1, ReviewDecision.Returned), (2, ReviewDecision.Approved)], reviews.Select(r => (r.VersionNumber, r.Decision)));
        Assert.Contains("3 de 5 pilares completados", (await sergio.GetPageAsync("/")).Text());
        Assert.Equal(2, (await sergio.GetPageAsync("/pillars/own-it")).QuerySelectorAll(".thread li").Length);
    }

    [Fact]
    public async Task Returning_needs_a_comment_of_at_most_2000_characters()
    {
        var id = await app.SendReflectionAsync(Coach.Email("elena.prieto"), "tell-the-truth");
        var carmen = await app.SignedInAsync(Coach.Carmen);
        foreach (var (comment, message) in new[]
                 {
                     ("   ", "Para devolverla, escribe un comentario que diga qué mejorar."),
                     (new string('x', 2001), "El comentario tiene 2001 caracteres; el máximo es 2000."),
                 })
        {
            var response = await carmen.DecideAsync(id, "Returned", comment);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = Pages.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, page.QuerySelector("#comment-error")!.TextContent);
            Assert.Equal("true", page.QuerySelector("#comment")!.GetAttribute("aria-invalid"));
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.ReflectionReviews.CountAsync(r => r.ReflectionId == id)));
        Assert.Equal(ReflectionStatus.Submitted, await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Approving_twice_records_one_decision_and_says_so()
    {
        var id = await app.SendReflectionAsync(Coach.Email("hugo.santana"), "tell-the-truth");
        var francisco = await app.SignedInAsync(Coach.Francisco);
        var page = await francisco.GetPageAsync($"/reviews/{id}");
        var approve = new Dictionary<string, string> { ["Decision"] = "Approved" };

        // A double click: the same form posted twice at once, then once more.
        var both = await Task.WhenAll(francisco.SubmitAsync(page, "form#decision", approve), francisco.SubmitAsync(page, "form#decision", approve));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var again = await francisco.SubmitAsync(page, "form#decision", approve);
        Assert.Contains("Esta versión ya estaba aprobada por Francisco Reyes Blanco; no se ha registrado nada más.", await francisco.FollowAsync(again));

        Assert.Equal(1, await app.WithDbAsync(db => db.ReflectionReviews.CountAsync(r => r.ReflectionId == id)));
        var pillar = await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == id).Select(r => r.AssignmentPillar!.ReflectedAt).SingleAsync());
        Assert.NotNull(pillar);
    }

    [Fact]
    public async Task A_decision_on_a_training_a_new_edition_replaced_is_refused_with_a_reason()
    {
        var id = await app.SendReflectionAsync(Coach.Email("nuria.medina"), "own-it");
        var javier = await app.SignedInAsync(Coach.Javier);
        var page = await javier.GetPageAsync($"/reviews/{id}");
        // A new edition moves Nuria on while Javier has the page open.
        await app.WithDbAsync(db => db.Assignments.Where(a => a.Employee!.EmployeeNumber == "MO-0203")
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.SupersededAt, DateTime.UtcNow)));

        var response = await javier.SubmitAsync(page, "form#decision", new Dictionary<string, string> { ["Decision"] = "Approved" });
        var text = await javier.FollowAsync(response);
        Assert.Contains("Una edición nueva de la promesa ha sustituido la formación de esta reflexión", text);
        Assert.Null((await javier.GetPageAsync($"/reviews/{id}")).QuerySelector("form#decision"));
        Assert.Equal(0, await app.WithDbAsync(db => db.ReflectionReviews.CountAsync(r => r.ReflectionId == id)));
        Assert.Null((await javier.GetPageAsync("/team")).QuerySelector($"a[href='/reviews/{id}']"));
    }

    [Fact]
    public async Task A_reflection_nearly_the_same_as_anothers_shows_the_other_text_to_the_reviewer_and_hr()
    {
        // Lucía sends exactly what Manuel, on her own team, wrote for the same pillar.
        var manuels = await app.WithDbAsync(db => db.Reflections
            .Where(r => r.AssignmentPillar!.Assignment!.Employee!.EmployeeNumber == "MO-0102" && r.AssignmentPillar.Pillar!.Key == "listen")
            .Select(r => new { r.Meaning, r.Customers, r.Action }).SingleAsync());
        var id = await app.SendReflectionAsync(Pages.Employee, "listen", new Dictionary<string, string>
        {
            ["Meaning"] = manuels.Meaning, ["Customers"] = manuels.Customers, ["Action"] = manuels.Action,
        });

        var carmen = await app.SignedInAsync(Coach.Carmen);
        Assert.Contains("Parecida a otra (100 %)", (await carmen.GetPageAsync("/team")).QuerySelector("#waiting-heading")!.ParentElement!.TextContent);
        var similar = (await carmen.GetPageAsync($"/reviews/{id}")).QuerySelector(".similar")!.TextContent;
        Assert.Contains("Se parece en un 100 % a lo que escribió otra persona", similar);
        Assert.Contains(manuels.Meaning, similar);

        var marta = await app.SignedInAsync(Pages.Hr);
        var flagged = (await marta.GetPageAsync("/hr/reviews")).QuerySelector("#flagged-heading")!.ParentElement!;
        Assert.NotNull(flagged.QuerySelector($"a[href='/reviews/{id}']"));
        Assert.Contains("Lucía Romero Sánchez", flagged.TextContent);
        Assert.Contains("a lo que escribió Manuel Ortiz Campos", (await marta.GetPageAsync($"/reviews/{id}")).QuerySelector(".similar")!.TextContent);
    }

    [Fact]
    public async Task The_similar_reflection_is_shown_as_its_author_sent_it_never_their_unsent_draft()
    {
        // Irene (Francisco's team) sent her reflection; since then she has been rewriting it and not sent it again.
        var sent = new Dictionary<string, string>
        {
            ["Meaning"] = "Cuando un cliente entra con prisa en la tienda de Córdoba dejo lo que estoy haciendo, le miro y le dejo acabar la frase.",
            ["Customers"] = "Los clientes de la tienda y mis compañeros de turno que me piden ayuda con la caja.",
            ["Action"] = "Desde mañana, repetiré lo que me pidan antes de ir a buscar el producto al almacén.",
        };
        var irenesId = await app.SendReflectionAsync(Coach.Email("irene.bravo"), "listen", sent);
        const string Draft = "BORRADOR SIN ENVIAR: esto todavía no lo ha leído nadie y no es para su responsable ni para nadie más.";
        await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == irenesId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Meaning, Draft).SetProperty(r => r.Revision, r => r.Revision + 1)));

        // Raúl (Carmen's team) sends what Irene had sent: flagged against Irene's sent text, not her draft.
        var raulsId = await app.SendReflectionAsync(Coach.Email("raul.dominguez"), "listen", sent);
        Assert.Equal(irenesId, await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == raulsId).Select(r => r.SimilarToId).SingleAsync()));

        foreach (var reviewer in new[] { Coach.Carmen, Pages.Hr })
        {
            var client = await app.SignedInAsync(reviewer);
            var similar = (await client.GetPageAsync($"/reviews/{raulsId}")).QuerySelector(".similar")!.TextContent;
            Assert.Contains(sent["Meaning"], similar);
            Assert.DoesNotContain("BORRADOR SIN ENVIAR", similar);
        }
    }

    [Fact]
    public async Task A_similar_reflection_with_no_sent_version_shows_no_text()
    {
        // Ana Belén (Carmen's team) flagged against a reflection of Cristina's that has no sent version, only a working copy.
        var id = await app.ReflectionIdAsync("MO-0103", "own-it");
        var other = await app.ReflectionIdAsync("MO-0201", "own-it");
        await app.WithDbAsync(async db =>
        {
            await db.ReflectionVersions.Where(v => v.ReflectionId == other).ExecuteDeleteAsync();
            await db.Reflections.Where(r => r.Id == other).ExecuteUpdateAsync(u => u.SetProperty(r => r.Meaning, "BORRADOR SIN ENVIAR de Cristina."));
            return await db.Reflections.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.SimilarToId, other).SetProperty(r => r.Similarity, 0.9));
        });
        var carmen = await app.SignedInAsync(Coach.Carmen);
        var similar = (await carmen.GetPageAsync($"/reviews/{id}")).QuerySelector(".similar")!.TextContent;
        Assert.Contains("Se parece en un 90 %", similar);
        Assert.DoesNotContain("BORRADOR SIN ENVIAR", similar);
    }

    [Fact]
    public async Task A_rubric_answer_that_is_not_yes_or_no_is_a_field_error_and_records_nothing()
    {
        var id = await app.SendReflectionAsync(Coach.Email("jorge.pena"), "listen");
        var rocio = await app.SignedInAsync(Coach.Rocio);
        var response = await rocio.DecideAsync(id, "Approved", "Bien.", new Dictionary<string, string> { ["SpecificToRole"] = "quizás" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = Pages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("El valor «quizás» no es válido", page.QuerySelector("form#decision")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReflectionReviews.CountAsync(r => r.ReflectionId == id)));
    }

    [Fact]
    public async Task Only_a_reflection_shared_with_consent_can_be_featured()
    {
        var shared = await app.SendReflectionAsync(Coach.Email("alberto.garrido"), "listen", share: true);
        var notShared = await app.SendReflectionAsync(Coach.Email("sara.cortes"), "listen",
            UserStories.Fields("/pillars/listen", "Como cajera temporal en Córdoba atiendo a quien llega a mi caja y a las compañeras que me enseñan el oficio; escucho hasta el final."));
        var javier = await app.SignedInAsync(Coach.Javier);
        foreach (var id in new[] { shared, notShared }) await javier.FollowAsync(await javier.DecideAsync(id, "Approved"));

        var page = await javier.GetPageAsync($"/reviews/{shared}");
        var featured = await javier.SubmitAsync(page, "form[action*='handler=Feature']", new Dictionary<string, string>());
        Assert.Contains("Reflexión destacada como ejemplo.", await javier.FollowAsync(featured));
        var javiersId = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "MO-0002").Select(e => e.Id).SingleAsync());
        Assert.Equal(javiersId, await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == shared).Select(r => r.FeaturedById).SingleAsync()));

        var unfeature = await javier.SubmitAsync(await javier.GetPageAsync($"/reviews/{shared}"), "form[action*='handler=Unfeature']", new Dictionary<string, string>());
        Assert.Contains("La reflexión ya no se muestra como ejemplo.", await javier.FollowAsync(unfeature));
        Assert.Null(await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == shared).Select(r => r.FeaturedAt).SingleAsync()));

        // Without consent the page offers nothing, and a post anyway features nothing.
        var other = await javier.GetPageAsync($"/reviews/{notShared}");
        Assert.Null(other.QuerySelector("form[action*='handler=Feature']"));
        Assert.Contains("no ha aceptado compartirla", other.QuerySelector("#sharing")!.TextContent);
        var refused = await javier.PostAsync($"/reviews/{notShared}?handler=Feature", await javier.TokenAsync($"/reviews/{notShared}"));
        Assert.Contains("No se puede destacar", await javier.FollowAsync(refused));
        Assert.Null(await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == notShared).Select(r => r.FeaturedAt).SingleAsync()));

        // HR may feature too.
        var marta = await app.SignedInAsync(Pages.Hr);
        await marta.FollowAsync(await marta.SubmitAsync(await marta.GetPageAsync($"/reviews/{shared}"), "form[action*='handler=Feature']", new Dictionary<string, string>()));
        Assert.NotNull(await app.WithDbAsync(db => db.Reflections.Where(r => r.Id == shared).Select(r => r.FeaturedAt).SingleAsync()));
    }
}
