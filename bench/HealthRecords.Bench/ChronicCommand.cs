using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Features.Chronic;
using Npgsql;
using NpgsqlTypes;

namespace HealthRecords.Bench;

/// <summary>
/// Chronic disease management at county scale (issue #5):
/// <c>chronic-load</c> enrols hypertension and diabetes patients among the loaded residents aged 35 and over and
/// bulk-loads their quarterly follow-ups (180,000 + 60,000 patients × 5 years ≈ 4.8 million at full scale), with the
/// classification and next date from the domain rules, as the API would store them;
/// <c>chronic-save</c> starts the real host and times saving a hypertension follow-up through the API with many
/// concurrent users (doctors of the managing institutions), and samples the host's memory while they save.
/// </summary>
public static class ChronicCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> LoadAsync(Options options)
    {
        var htCount = options.Int("hypertension", 180_000);
        var dmCount = options.Int("diabetes", 60_000);
        var years = options.Int("years", 5);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await using var data = NpgsqlDataSource.Create(options.Connection);
        var started = Stopwatch.StartNew();
        DateOnly enrolledOn(long id) => today.AddYears(-years).AddDays(-(int)(id % 60) - 7);

        var adults = new List<long>();
        await using (var cmd = data.CreateCommand("""SELECT "Id" FROM "HealthRecords" WHERE "Status" = 1 AND "BirthDate" <= $1 ORDER BY "Id" """))
        {
            cmd.Parameters.AddWithValue(today.AddYears(-35));
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                adults.Add(reader.GetInt64(0));
            }
        }
        var random = new Random(2026);
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(adults));
        var hypertension = adults.Take(htCount).ToList();
        // about a third of the diabetes patients also have hypertension (a combined visit each quarter)
        var diabetes = adults.Skip(Math.Max(0, hypertension.Count - dmCount / 3)).Take(dmCount).ToList();
        Console.WriteLine($"{adults.Count} residents aged 35+; enrolling {hypertension.Count} hypertension and {diabetes.Count} diabetes patients, {years} years of quarterly follow-ups");

        await using (var truncate = data.CreateCommand("""TRUNCATE "ChronicFollowUps", "ChronicEnrolments" RESTART IDENTITY"""))
        {
            await truncate.ExecuteNonQueryAsync();
        }
        await using var connection = await data.OpenConnectionAsync();
        await using (var enrol = await connection.BeginBinaryImportAsync(
            """COPY "ChronicEnrolments" ("HealthRecordId", "Disease", "EnrolledOn", "Source", "EnrolledById", "EnrolledByName", "Withdrawn", "Version") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var (ids, disease) in new[] { (hypertension, ChronicDisease.Hypertension), (diabetes, ChronicDisease.Diabetes) })
            {
                foreach (var id in ids)
                {
                    await enrol.StartRowAsync();
                    await enrol.WriteAsync(id, NpgsqlDbType.Bigint);
                    await enrol.WriteAsync((int)disease, NpgsqlDbType.Integer);
                    await enrol.WriteAsync(enrolledOn(id), NpgsqlDbType.Date);
                    await enrol.WriteAsync((int)EnrolmentSource.Examination, NpgsqlDbType.Integer);
                    await enrol.WriteAsync("bench", NpgsqlDbType.Varchar);
                    await enrol.WriteAsync("压测", NpgsqlDbType.Varchar);
                    await enrol.WriteAsync(false, NpgsqlDbType.Boolean);
                    await enrol.WriteAsync(0, NpgsqlDbType.Integer);
                }
            }
            await enrol.CompleteAsync();
        }
        Console.WriteLine($"  enrolments loaded at {started.Elapsed.TotalSeconds:0}s");

        long rows = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            """
            COPY "ChronicFollowUps" ("HealthRecordId", "Disease", "VisitDate", "VisitMode", "FaceToFace", "Systolic", "Diastolic",
              "FastingGlucose", "Controlled", "SuggestedClassification", "Classification", "SuggestedAction", "SuggestedNextVisitDate",
              "NextVisitDate", "DangerSigns", "Referral", "UrgentReferral", "Hypertension", "Diabetes", "CreatedById", "CreatedByName",
              "CreatedAtUtc", "UpdatedAtUtc", "Version") FROM STDIN (FORMAT BINARY)
            """))
        {
            copy.Timeout = TimeSpan.FromHours(1); // finishing 4.8 million rows takes longer than the 30 s command timeout on a busy machine
            foreach (var (ids, disease) in new[] { (hypertension, ChronicDisease.Hypertension), (diabetes, ChronicDisease.Diabetes) })
            {
                foreach (var id in ids)
                {
                    bool? previous = null;
                    // Issue #15 item 26: followed up as a working county does (004 高血压/糖尿病 二(二): at least 4 face-to-face
                    // follow-ups a year): most patients once in every calendar quarter, in its first two months, at the
                    // clinic; a few (15%) miss a quarter now and then or are followed by phone.
                    var onSchedule = random.NextDouble() < 0.85;
                    foreach (var quarter in Quarters(enrolledOn(id), today))
                    {
                        if (!onSchedule && random.Next(3) == 0)
                        {
                            continue;
                        }
                        var on = quarter.AddDays(random.Next(3, 60));
                        if (on >= today)
                        {
                            continue;
                        }
                        var mode = onSchedule ? (random.Next(50) == 0 ? VisitMode.Phone : VisitMode.Clinic) : (random.Next(4) == 0 ? VisitMode.Phone : VisitMode.Clinic);
                        var sbp = random.Next(112, 172);
                        var dbp = random.Next(66, Math.Min(sbp - 20, 106));
                        var signs = new Signs { Systolic = sbp, Diastolic = dbp, WeightKg = new(random.Next(50, 90), null), HeartRate = random.Next(60, 96) };
                        var medications = new List<Medication> { new(disease == ChronicDisease.Hypertension ? "氨氯地平片" : "二甲双胍片", 1, disease == ChronicDisease.Hypertension ? 5m : 500m) };
                        string? htJson = null, dmJson = null;
                        decimal? fbg = null;
                        FollowUpDecision decision;
                        bool? controlled;
                        if (disease == ChronicDisease.Hypertension)
                        {
                            var form = new HypertensionFollowUp
                            {
                                VisitDate = on, VisitMode = mode, Symptoms = [HypertensionSymptom.None], Signs = signs, Medications = medications,
                                Adherence = MedicationAdherence.Regular, AdverseReaction = AdverseReaction.None, Doctor = "压测医生",
                            };
                            decision = HypertensionRules.Decide(form, previous);
                            controlled = HypertensionRules.IsControlled(sbp, dbp);
                            htJson = JsonSerializer.Serialize(form with { Classification = decision.Classification, NextVisitDate = decision.NextVisitDate }, Json);
                        }
                        else
                        {
                            fbg = Math.Round(4.2m + (decimal)random.NextDouble() * 6m, 1);
                            var form = new DiabetesFollowUp
                            {
                                VisitDate = on, VisitMode = mode, Symptoms = [DiabetesSymptom.None], Signs = signs, FastingGlucose = fbg,
                                DorsalisPedisPulse = DorsalisPedisPulse.Palpable, Medications = medications, Adherence = MedicationAdherence.Regular,
                                AdverseReaction = AdverseReaction.None, Hypoglycaemia = Hypoglycaemia.None, Doctor = "压测医生",
                            };
                            decision = DiabetesRules.Decide(form, previous);
                            controlled = DiabetesRules.IsControlled(fbg);
                            dmJson = JsonSerializer.Serialize(form with { Classification = decision.Classification, NextVisitDate = decision.NextVisitDate }, Json);
                        }
                        previous = controlled;
                        var referral = decision.Referral;
                        var created = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
                        await copy.StartRowAsync();
                        await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                        await copy.WriteAsync((int)disease, NpgsqlDbType.Integer);
                        await copy.WriteAsync(on, NpgsqlDbType.Date);
                        await copy.WriteAsync((int)mode, NpgsqlDbType.Integer);
                        await copy.WriteAsync(ChronicRules.IsFaceToFace(mode), NpgsqlDbType.Boolean);
                        await copy.WriteAsync(sbp, NpgsqlDbType.Integer);
                        await copy.WriteAsync(dbp, NpgsqlDbType.Integer);
                        await WriteNullableAsync(copy, fbg, NpgsqlDbType.Numeric);
                        await WriteNullableAsync(copy, controlled, NpgsqlDbType.Boolean);
                        // The bench county's visits are all measured, so the rules always classify them (a phone visit with
                        // nothing measured is the only case without a suggestion, issue #15 item 10).
                        var classification = (int)(decision.Classification ?? throw new InvalidOperationException("a measured visit is always classified"));
                        await copy.WriteAsync(classification, NpgsqlDbType.Integer);
                        await copy.WriteAsync(classification, NpgsqlDbType.Integer);
                        await copy.WriteAsync((int)decision.Action, NpgsqlDbType.Integer);
                        await copy.WriteAsync(decision.NextVisitDate, NpgsqlDbType.Date);
                        await copy.WriteAsync(decision.NextVisitDate, NpgsqlDbType.Date);
                        await copy.WriteAsync(string.Join("；", decision.DangerSigns), NpgsqlDbType.Varchar);
                        await copy.WriteAsync(referral, NpgsqlDbType.Boolean);
                        await copy.WriteAsync(referral && decision.UrgentReferral, NpgsqlDbType.Boolean);
                        await WriteNullableAsync(copy, htJson, NpgsqlDbType.Jsonb);
                        await WriteNullableAsync(copy, dmJson, NpgsqlDbType.Jsonb);
                        await copy.WriteAsync("bench", NpgsqlDbType.Varchar);
                        await copy.WriteAsync("压测医生", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(0, NpgsqlDbType.Integer);
                        rows++;
                    }
                }
            }
            await copy.CompleteAsync();
        }
        var screened = await LoadScreeningAsync(connection, adults.Skip(hypertension.Count + dmCount).Take(options.Int("screening", 60_000)).ToList(), today, random);
        await using (var analyze = data.CreateCommand("""ANALYZE "ChronicEnrolments"; ANALYZE "ChronicFollowUps"; ANALYZE "ScreeningBloodPressures";"""))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"loaded {rows:N0} follow-ups and {screened:N0} screening readings in {started.Elapsed.TotalSeconds:0}s");
        return 0;
    }

    /// <summary>
    /// Hypertension screening readings (004 高血压 二(一)) of residents 35+ not under management, so the work list has
    /// screening items: a quarter with one normal reading (nothing due), a quarter with one raised reading in the last
    /// 60 days (re-check due), a quarter raised on 3 different days (suspected, urgent), a quarter high-risk with a
    /// normal reading in the last year (reminded after 6 months).
    /// </summary>
    private static async Task<long> LoadScreeningAsync(NpgsqlConnection connection, List<long> residents, DateOnly today, Random random)
    {
        await using (var truncate = new NpgsqlCommand("""TRUNCATE "ScreeningBloodPressures" RESTART IDENTITY""", connection))
        {
            await truncate.ExecuteNonQueryAsync();
        }
        long rows = 0;
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "ScreeningBloodPressures" ("HealthRecordId", "TakenOn", "Systolic", "Diastolic", "HighRisk", "TakenById", "TakenByName", "CreatedAtUtc") FROM STDIN (FORMAT BINARY)""");
        copy.Timeout = TimeSpan.FromHours(1);
        foreach (var id in residents)
        {
            var kind = (int)(id % 4);
            List<(DateOnly On, int Systolic, int Diastolic)> readings = kind switch
            {
                1 => [(today.AddDays(-random.Next(1, 60)), random.Next(140, 160), random.Next(80, 100))],
                2 => Enumerable.Range(0, 3).Select(d => (today.AddDays(-random.Next(20, 40) + 7 * d), random.Next(140, 165), random.Next(85, 100))).ToList(),
                _ => [(today.AddDays(-random.Next(1, 365)), random.Next(110, 135), random.Next(65, 85))],
            };
            foreach (var (on, sbp, dbp) in readings)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(on, NpgsqlDbType.Date);
                await copy.WriteAsync(sbp, NpgsqlDbType.Integer);
                await copy.WriteAsync(dbp, NpgsqlDbType.Integer);
                await copy.WriteAsync(kind == 3, NpgsqlDbType.Boolean);
                await copy.WriteAsync("bench", NpgsqlDbType.Varchar);
                await copy.WriteAsync("压测医生", NpgsqlDbType.Varchar);
                await copy.WriteAsync(on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                rows++;
            }
        }
        await copy.CompleteAsync();
        return rows;
    }

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..length];

    /// <summary>The first day of every calendar quarter that starts after <paramref name="from"/> and on or before <paramref name="today"/>.</summary>
    private static IEnumerable<DateOnly> Quarters(DateOnly from, DateOnly today)
    {
        var quarter = new DateOnly(from.Year, (from.Month - 1) / 3 * 3 + 1, 1).AddMonths(3);
        for (; quarter <= today; quarter = quarter.AddMonths(3))
        {
            yield return quarter;
        }
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, type);

    private sealed record Sample(long RecordId, int Institution);

    public static async Task<int> SaveAsync(Options options)
    {
        var users = options.Int("users", 50);
        var requests = options.Int("requests", 2000);
        var warmup = options.Int("warmup", 200);
        // a pause between one user's saves (uniform 0..2×think ms): a doctor fills a form before saving the next
        var think = options.Int("think", 0);
        var port = options.Int("port", 5081);
        var web = options.Get("web") ?? ApiCommand.DefaultWebDll();
        var connection = options.Connection;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await using var data = NpgsqlDataSource.Create(connection);

        Console.WriteLine($"load average before: {ApiCommand.LoadAverage()}");
        // a re-run saves on the same day: remove what the previous run saved today
        await using (var clean = data.CreateCommand("""DELETE FROM "ChronicFollowUps" WHERE "VisitDate" >= $1"""))
        {
            clean.Parameters.AddWithValue(today);
            await clean.ExecuteNonQueryAsync();
        }
        var doctors = await ApiCommand.EnsureDoctorsAsync(connection, options.KeysPath);
        // each user is a doctor of one institution (round robin over the institutions with the most patients)
        var institutions = new List<int>();
        await using (var cmd = data.CreateCommand(
            """
            SELECT r."ManagingInstitutionId" FROM "ChronicEnrolments" e JOIN "HealthRecords" r ON r."Id" = e."HealthRecordId"
            WHERE e."Disease" = 1 GROUP BY r."ManagingInstitutionId" ORDER BY count(*) DESC, r."ManagingInstitutionId" LIMIT $1
            """))
        {
            cmd.Parameters.AddWithValue(users);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                institutions.Add(reader.GetInt32(0));
            }
        }
        var samples = new List<Sample>();
        await using (var cmd = data.CreateCommand(
            """
            SELECT e."HealthRecordId", r."ManagingInstitutionId" FROM "ChronicEnrolments" e JOIN "HealthRecords" r ON r."Id" = e."HealthRecordId"
            WHERE e."Disease" = 1 AND NOT e."Withdrawn" AND r."Status" = 1 AND r."ManagingInstitutionId" = ANY($2)
            ORDER BY md5(e."HealthRecordId"::text) LIMIT $1
            """))
        {
            cmd.Parameters.AddWithValue(warmup + requests);
            cmd.Parameters.AddWithValue(institutions.ToArray());
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                samples.Add(new Sample(reader.GetInt64(0), reader.GetInt32(1)));
            }
        }
        if (samples.Count < warmup + requests)
        {
            throw new ArgumentException($"only {samples.Count} hypertension patients: load more with chronic-load, or lower --requests/--warmup");
        }
        var bases = $"http://127.0.0.1:{port}";
        // 50 users sign in at once: lift the sign-in rate limit for the host started below (it inherits the environment)
        Environment.SetEnvironmentVariable("Security__SignInPermitsPerMinute", "10000");
        using var host = ApiCommand.StartHost(web, bases, connection, options.KeysPath);
        var clients = new List<HttpClient>();
        try
        {
            var probe = ApiCommand.NewClient(bases, clients);
            await ApiCommand.WaitUntilUpAsync(probe, host);
            Console.WriteLine($"host process {host.Id} (for dotnet-counters / dotnet-trace)");
            // each user saves follow-ups of their institution's patients
            var userClients = new List<(int Institution, HttpClient Client)>();
            for (var u = 0; u < users; u++)
            {
                var institution = institutions[u % institutions.Count];
                var client = ApiCommand.NewClient(bases, clients);
                await ApiCommand.SignInAsync(client, doctors[institution].UserName, "Doctor", institution);
                userClients.Add((institution, client));
            }

            var warm = await RunAsync(userClients, samples.Take(warmup).ToList(), today, host, think, sampleMemory: false);
            Console.WriteLine($"  warm-up: {warm.Durations.Count} saves, {warm.Errors} errors");
            // CPU seconds over the measured saves: the host, PostgreSQL (postmaster and its backends), this client
            var postmaster = await CpuTime.PostmasterAsync(connection);
            var (host0, pg0, self0) = (CpuTime.Of(host.Id), CpuTime.OfServer(postmaster), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
            var run = await RunAsync(userClients, samples.Skip(warmup).ToList(), today, host, think, sampleMemory: true);
            var (host1, pg1, self1) = (CpuTime.Of(host.Id), CpuTime.OfServer(postmaster), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
            var t = new Timings([.. run.Durations], new int[run.Durations.Count]);
            Console.WriteLine();
            Console.WriteLine("| users | think | saves | errors | throughput | median | p95 | p99 | max | host peak working set |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {users} | {think} ms | {t.Count} | {run.Errors} | {t.Count / run.Elapsed.TotalSeconds:0} /s | {t.Median:0.0} ms | {t.P95:0.0} ms | {t.Percentile(99):0.0} ms | {t.Max:0.0} ms | {run.PeakWorkingSet / 1024.0 / 1024.0:0} MiB |"));
            Console.WriteLine();
            // issue #13's measure of the write path's cost: host CPU seconds divided by saves
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU per save (CPU seconds / {t.Count} saves over {run.Elapsed.TotalSeconds:0.0} s): host {(host1 - host0) * 1000 / t.Count:0.00} ms ({host1 - host0:0.00} s), PostgreSQL {(pg1 - pg0) * 1000 / t.Count:0.00} ms ({pg1 - pg0:0.00} s), bench client {(self1 - self0) * 1000 / t.Count:0.00} ms ({self1 - self0:0.00} s)"));
            Console.WriteLine($"load average after: {ApiCommand.LoadAverage()}");
            return run.Errors == 0 ? 0 : 3;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
        }
    }

    private sealed record Run(ConcurrentBag<double> Durations, int Errors, TimeSpan Elapsed, long PeakWorkingSet);

    private static async Task<Run> RunAsync(List<(int Institution, HttpClient Client)> users, List<Sample> samples, DateOnly today, Process host, int think, bool sampleMemory)
    {
        var queues = samples.GroupBy(s => s.Institution).ToDictionary(g => g.Key, g => new ConcurrentQueue<Sample>(g));
        var durations = new ConcurrentBag<double>();
        var errors = 0;
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var memory = Task.Run(async () =>
        {
            while (sampleMemory && !stop.IsCancellationRequested)
            {
                host.Refresh();
                peak = Math.Max(peak, host.WorkingSet64);
                try
                {
                    await Task.Delay(100, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(users.Select(async user =>
        {
            if (!queues.TryGetValue(user.Institution, out var queue))
            {
                return;
            }
            while (queue.TryDequeue(out var sample))
            {
                if (think > 0)
                {
                    await Task.Delay(Random.Shared.Next(2 * think));
                }
                var form = new HypertensionFollowUp
                {
                    VisitDate = today, VisitMode = VisitMode.Clinic, Symptoms = [HypertensionSymptom.None],
                    Signs = new Signs { Systolic = 128, Diastolic = 82, HeartRate = 72, WeightKg = new(66m, 64m) },
                    Lifestyle = new Lifestyle { CigarettesPerDay = new(0, 0), PsychologicalAdjustment = Rating.Good, Compliance = Rating.Good },
                    SaltIntake = new(SaltIntake.Moderate, SaltIntake.Light),
                    Adherence = MedicationAdherence.Regular, AdverseReaction = AdverseReaction.None,
                    Medications = [new Medication("氨氯地平片", 1, 5m)], Doctor = "压测医生",
                };
                var start = Stopwatch.GetTimestamp();
                using var response = await user.Client.PostAsJsonAsync($"/api/residents/{sample.RecordId}/hypertension/follow-ups", new HypertensionFollowUpInput(form), Json);
                _ = await response.Content.ReadAsByteArrayAsync();
                durations.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    if (Interlocked.Increment(ref errors) <= 3)
                    {
                        Console.WriteLine($"  save refused: {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync(), 200)}");
                    }
                }
            }
        }));
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await memory;
        return new Run(durations, errors, elapsed, peak);
    }
}
