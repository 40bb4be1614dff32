// The synthetic county loader and the latency benchmark. Figures and commands: docs/performance.md.
//   load --residents 1000000 --connection "<npgsql>" [--defer-indexes] [--skip-generate]   migrate a fresh database, then generate and bulk-load residents
//   api  --connection "<npgsql>" [--requests 300] [--passes 3]  start the real host, time searches and overviews over HTTP and in raw SQL
//   bdn  --connection "<npgsql>"                         BenchmarkDotNet: the generator and the raw SQL queries
//   referrals --connection "<npgsql>" [--referrals 100000] [--requests 200]  add referrals, time the work list's referral follow-ups
//   worklist-measures --connection "<npgsql>" [--requests 50] [--passes 2] [--year 2026] [--scope-residents 4000] [--dashboard-requests 10] [--measure-requests 3] [--skip-measures]  a village doctor's work list and the county dashboard
//   exams --connection "<npgsql>" [--years 5] [--younger-share 0.16] [--reload] [--requests 300] [--passes 3]  add annual examinations of the 65+, time history and elderly management rate
//   chronic-load --connection "<npgsql>" [--hypertension 180000] [--diabetes 60000] [--years 5] [--screening 60000]   enrol patients, bulk-load quarterly follow-ups
//   chronic-save --connection "<npgsql>" [--users 50] [--requests 2000] [--warmup 200] [--think 0]  time saving a follow-up through the API, concurrently
using HealthRecords.Bench;

var command = args.FirstOrDefault();
var options = Options.Parse(args.Skip(1));
try
{
    return command switch
    {
        "load" => await LoadCommand.RunAsync(options),
        "api" => await ApiCommand.RunAsync(options),
        "bdn" => BdnCommand.Run(options),
        "referrals" => await ReferralsCommand.RunAsync(options),
        "worklist-measures" => await WorkListMeasuresCommand.RunAsync(options),
        "exams" => await ExamsCommand.RunAsync(options),
        "chronic-load" => await ChronicCommand.LoadAsync(options),
        "chronic-save" => await ChronicCommand.SaveAsync(options),
        _ => Usage(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          HealthRecords.Bench load --residents 1000000 --connection "Host=127.0.0.1;Port=55432;Username=postgres;Database=hr" [--defer-indexes] [--skip-generate]
          HealthRecords.Bench api  --connection "..." [--requests 300] [--passes 3] [--port 5080] [--web <path to HealthRecords.Web.dll>]
          HealthRecords.Bench bdn  --connection "..."
          HealthRecords.Bench referrals --connection "..." [--referrals 100000] [--requests 200]
          HealthRecords.Bench worklist-measures --connection "..." [--requests 50] [--passes 2] [--year 2026] [--port 5081] [--scope-residents 4000] [--dashboard-requests 10] [--measure-requests 3] [--skip-measures]
          HealthRecords.Bench exams --connection "..." [--years 5] [--younger-share 0.16] [--reload] [--requests 300] [--passes 3]
          HealthRecords.Bench chronic-load --connection "..." [--hypertension 180000] [--diabetes 60000] [--years 5] [--screening 60000]
          HealthRecords.Bench chronic-save --connection "..." [--users 50] [--requests 2000] [--warmup 200] [--think 0] [--port 5081]
        """);
    return 2;
}
