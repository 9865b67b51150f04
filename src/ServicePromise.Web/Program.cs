using ServicePromise.Web.Accounts;
using ServicePromise.Web.Accounts.SingleSignOn;
using ServicePromise.Web.ActionPlans;
using ServicePromise.Web.Audit;
using ServicePromise.Web.Certificates;
using ServicePromise.Web.CheckIns;
using ServicePromise.Web.Coaching;
using ServicePromise.Web.Content;
using ServicePromise.Web.Data;
using ServicePromise.Web.Evidence;
using ServicePromise.Web.Feedback;
using ServicePromise.Web.Findings;
using ServicePromise.Web.Infrastructure;
using ServicePromise.Web.Learning;
using ServicePromise.Web.Letters;
using ServicePromise.Web.Mail;
using ServicePromise.Web.Measurement;
using ServicePromise.Web.Practice;
using ServicePromise.Web.Provisioning;
using ServicePromise.Web.Record;
using ServicePromise.Web.Reflections;
using ServicePromise.Web.Reminders;
using ServicePromise.Web.RoleChanges;
using ServicePromise.Web.Staff;
using ServicePromise.Web.Staff.Import;
using ServicePromise.Web.Understanding;

var builder = WebApplication.CreateBuilder(args);
builder.AddDatabase();
builder.AddKeyRing();
builder.AddAccounts();
builder.AddSingleSignOn();
builder.AddAudit();
builder.AddContent();
builder.AddLearning();
builder.AddRoleChanges();
builder.AddReflections();
builder.AddCheckIns();
builder.AddStaff();
builder.AddCoaching();
builder.AddCertificates();
builder.AddRecord();
builder.AddMail();
builder.AddReminders();
builder.AddEvidence();
builder.AddInvitations();
builder.AddProvisioning();
builder.AddLetters();
builder.AddMeasurement();
builder.AddActionPlans();
builder.AddFindings();
builder.AddFeedback();
builder.AddUnderstanding();
builder.AddPractice();
builder.AddWebUi();

var app = builder.Build();
if (Commands.IsCommand(args))
    return await Commands.RunAsync(app, args);

try
{
    await app.PrepareAsync();
}
catch (ContentInvalidException ex)
{
    // Named file, line and problem; the site does not start on broken content.
    app.Logger.LogCritical("{Message}", ex.Message);
    // The console logger writes from a background queue; disposing the app flushes it before the process exits.
    await app.DisposeAsync();
    return 1;
}

app.UseWebUi();
await app.RunAsync();
return 0;

public partial class Program;
