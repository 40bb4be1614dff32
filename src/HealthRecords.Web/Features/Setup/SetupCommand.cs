using Microsoft.AspNetCore.Identity;

namespace HealthRecords.Web.Features.Setup;

/// <summary>
/// <c>setup --admin &lt;user name&gt; [--name &lt;显示名&gt;] [--reset]</c> and <c>setup --disable-demo-accounts</c>: run with the
/// host's configuration instead of the web app (docs/operations.md, "First administrator"). Prepares the database like a
/// start (migrations, key check, roles), then creates the first system administrator and prints the issued password once.
/// Exit code 0 done, 1 refused (reason on stderr), 2 usage.
/// </summary>
public static class SetupCommand
{
    public const string PasswordLabel = "Initial password: ";

    public sealed record Request(string? Admin, string? DisplayName, bool Reset, bool DisableDemoAccounts, string[] Arguments);

    public static Request? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "setup")
        {
            return null;
        }
        string? admin = null, name = null;
        bool reset = false, disableDemo = false;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--admin" when i + 1 < args.Length: admin = args[++i]; break;
                case "--name" when i + 1 < args.Length: name = args[++i]; break;
                case "--reset": reset = true; break;
                case "--disable-demo-accounts": disableDemo = true; break;
                default: rest.Add(args[i]); break;
            }
        }
        return new Request(admin, name, reset, disableDemo, rest.ToArray());
    }

    public static async Task<int> RunAsync(Request request)
    {
        if (string.IsNullOrWhiteSpace(request.Admin) && !request.DisableDemoAccounts)
        {
            await Console.Error.WriteLineAsync("Usage: dotnet HealthRecords.Web.dll setup --admin <user name> [--name <display name>] [--reset]\n" +
                "       dotnet HealthRecords.Web.dll setup --disable-demo-accounts");
            return 2;
        }
        var builder = WebApplication.CreateBuilder(HostStart.Options(request.Arguments));
        builder.Services.AddHealthRecords(builder.Configuration);
        await using var app = builder.Build();
        try
        {
            await Startup.PrepareForCommandAsync(app);
        }
        catch (StartupRefusedException e)
        {
            await Console.Error.WriteLineAsync("Refused: " + e.Message);
            return 1;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (request.DisableDemoAccounts)
        {
            Console.WriteLine($"Demo accounts disabled: {await FirstAdministrator.DisableDemoAccountsAsync(users)}");
            if (string.IsNullOrWhiteSpace(request.Admin))
            {
                return 0;
            }
        }
        var outcome = await FirstAdministrator.CreateAsync(users, request.Admin!, request.DisplayName, request.Reset);
        if (!outcome.Ok)
        {
            await Console.Error.WriteLineAsync("Refused: " + outcome.Message);
            return 1;
        }
        Console.WriteLine(outcome.Message);
        Console.WriteLine("Sign in with it once; the system then asks for a new password. It is not shown again.");
        Console.WriteLine(PasswordLabel + outcome.Password);
        return 0;
    }
}
