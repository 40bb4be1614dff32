using HealthRecords.Web.Features.Backup;
using HealthRecords.Web.Features.Setup;

namespace HealthRecords.Web.Features.Keys;

/// <summary>
/// <c>rotate-field-key [--batch-size N]</c>: run with the host's configuration instead of the web app
/// (docs/operations.md, "Field key rotation"). Refuses while any app server runs on the database (the running claim a
/// restore needs too), then runs <see cref="FieldKeyRotation"/>. Exit code 0 done, 1 refused or failed (reason on
/// stderr; every row stays readable and a second run goes on), 2 usage.
/// </summary>
public static class FieldKeyRotationCommand
{
    public const string Name = "rotate-field-key";

    public sealed record Request(int BatchSize, string[] Arguments);

    public static Request? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return null;
        }
        var batch = 500;
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--batch-size" && i + 1 < args.Length)
            {
                batch = int.TryParse(args[++i], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        return new Request(batch, rest.ToArray());
    }

    public static async Task<int> RunAsync(Request request)
    {
        if (request.BatchSize is < 1 or > 100_000)
        {
            await Console.Error.WriteLineAsync("Usage: dotnet HealthRecords.Web.dll rotate-field-key [--batch-size <1..100000>]");
            return 2;
        }
        var builder = WebApplication.CreateBuilder(HostStart.Options(request.Arguments));
        return await RunAsync(builder.Configuration, request.BatchSize);
    }

    public static async Task<int> RunAsync(IConfiguration config, int batchSize = 500)
    {
        using var logs = LoggerFactory.Create(b => b.AddConsole());
        var log = logs.CreateLogger("HealthRecords.FieldKeyRotation");
        try
        {
            await using var alone = await RunningHost.ClaimAloneAsync(config, "rotate the field key");
            var outcome = await FieldKeyRotation.RunAsync(config, log, batchSize);
            Console.WriteLine($"Field key rotated: key id {outcome.OldKeyId} -> {outcome.NewKeyId}, {outcome.Rows} rows re-encrypted.");
            Console.WriteLine($"The old key is kept in {outcome.RetiredKeyFile} for backups taken before now. Back up the key directory.");
            return 0;
        }
        catch (Exception e) when (e is BackupException or FieldKeyRotationException)
        {
            await Console.Error.WriteLineAsync("Refused: " + e.Message);
            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"Field key rotation failed ({e.GetType().Name}: {e.Message}). Every row is still readable (the key file holds both keys); run the command again to finish.");
            return 1;
        }
    }
}
