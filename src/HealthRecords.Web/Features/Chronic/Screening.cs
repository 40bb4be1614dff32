using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>Hypertension screening (004 高血压 二(一)): blood pressure readings of residents 35 and over, re-checks, suspected cases.</summary>
public sealed class Screening(HealthRecordsDbContext db, Audit audit, ResidentReader reader, TimeProvider time)
{
    /// <summary>
    /// The screening state of a record the user may read (in scope or lent), audited: what the encounter page asks to
    /// show its prompt (004 高血压 二(一)1: 每年在其第一次就诊时为其测量血压). Null when the user may not read the record.
    /// </summary>
    public async Task<ScreeningView?> ReadAsync(DataScope user, long recordId, CancellationToken ct)
    {
        if (!await reader.MayReadAsync(user, recordId, ct))
        {
            return null;
        }
        await audit.ReadAsync(user, recordId, "screening", ct);
        return await ViewAsync(recordId, ct);
    }

    public async Task<CommandResult<ScreeningView>> AddReadingAsync(DataScope user, long recordId, ScreeningInput input, CancellationToken ct)
    {
        if (await RefusalAsync<ScreeningView>(db, user, recordId, "您的角色不能录入血压", ct) is { } refused)
        {
            return refused;
        }
        var today = time.Today();
        var errors = new FieldErrors();
        var on = input.TakenOn ?? today;
        if (on > today)
        {
            errors.Add("takenOn", "测量日期不能晚于今天");
        }
        if (input.Systolic is null)
        {
            errors.Add("systolic", "请填写收缩压");
        }
        errors.Range("systolic", input.Systolic, PlausibleRanges.Systolic);
        if (input.Diastolic is not int dbp)
        {
            errors.Add("diastolic", "请填写舒张压");
        }
        else if (input.Systolic is int s && s <= dbp)
        {
            errors.Add("systolic", "收缩压应高于舒张压，请核对");
        }
        errors.Range("diastolic", input.Diastolic, PlausibleRanges.Diastolic);
        if (errors.Count > 0)
        {
            return CommandResult<ScreeningView>.Invalid(errors);
        }
        db.Add(new ScreeningBloodPressure
        {
            HealthRecordId = recordId, TakenOn = on, Systolic = input.Systolic!.Value, Diastolic = input.Diastolic!.Value, HighRisk = input.HighRisk,
            TakenById = user.UserId, TakenByName = user.DisplayName, CreatedAtUtc = time.UtcNow(),
        });
        audit.Add(user, "screening-bp", recordId);
        await db.SaveChangesAsync(ct);
        return CommandResult<ScreeningView>.Ok(await ViewAsync(recordId, ct));
    }

    /// <summary>The screening state of one record (the caller has checked scope).</summary>
    public async Task<ScreeningView> ViewAsync(long recordId, CancellationToken ct)
    {
        var today = time.Today();
        var birth = await db.HealthRecords.Where(r => r.Id == recordId).Select(r => r.BirthDate).FirstAsync(ct);
        var readings = await db.Set<ScreeningBloodPressure>().AsNoTracking().Where(s => s.HealthRecordId == recordId)
            .OrderByDescending(s => s.TakenOn).ThenByDescending(s => s.Id).ToListAsync(ct);
        var enrolled = await Enrolments.ActiveDiseases(db, recordId).AnyAsync(d => d == ChronicDisease.Hypertension, ct);
        var measuredThisYear = readings.Any(r => r.TakenOn.Year == today.Year)
            || await db.Set<ChronicFollowUp>().AnyAsync(f => f.HealthRecordId == recordId && f.Systolic != null && f.VisitDate.Year == today.Year, ct)
            || await MeasuredAtExaminationAsync(recordId, today, ct);
        var age = Age.AgeOn(birth, today);
        var applies = age >= HypertensionScreening.ScreeningAge && !enrolled;
        var state = HypertensionScreening.Assess(readings.Select(r => new ScreeningReading(r.TakenOn, r.Systolic, r.Diastolic)));
        var latest = readings.FirstOrDefault();
        return new ScreeningView(
            applies,
            applies && HypertensionScreening.PromptsBloodPressure(age, measuredThisYear),
            state.Status,
            StatusLabel(state.Status),
            state.RaisedDays,
            state.RecheckDue,
            latest is { HighRisk: true } && applies ? HypertensionScreening.HighRiskReminder(latest.TakenOn) : null,
            readings.Select(r => new ScreeningReadingView(r.Id, r.TakenOn, r.Systolic, r.Diastolic, HypertensionRules.IsRaised(r.Systolic, r.Diastolic), r.HighRisk, r.TakenByName)).ToList());
    }

    /// <summary>An examination this year with a blood pressure measured it too.</summary>
    private Task<bool> MeasuredAtExaminationAsync(long recordId, DateOnly today, CancellationToken ct)
    {
        var from = new DateOnly(today.Year, 1, 1);
        return db.Set<Examinations.Examination>().AnyAsync(e => e.HealthRecordId == recordId && e.Systolic != null && e.ExamDate >= from && e.ExamDate <= today, ct);
    }

    /// <summary>
    /// Why <paramref name="user"/> may not add a screening entry to the record (a role that cannot edit, a record out of
    /// scope, a record not active), or null when they may. Shared by every screening of the chronic area.
    /// </summary>
    internal static async Task<CommandResult<T>?> RefusalAsync<T>(HealthRecordsDbContext db, DataScope user, long recordId, string roleMessage, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<T>.Forbidden(roleMessage);
        }
        var status = await user.Apply(db.HealthRecords).Where(r => r.Id == recordId).Select(r => (RecordStatus?)r.Status).FirstOrDefaultAsync(ct);
        return status is null ? CommandResult<T>.NotFound()
            : status != RecordStatus.Active ? CommandResult<T>.Conflict(RecordMessages.ReadOnly)
            : null;
    }

    public static string StatusLabel(ScreeningStatus s) => s switch
    {
        ScreeningStatus.RecheckDue => "血压偏高，待复查",
        ScreeningStatus.Suspected => "非同日3次血压高于正常，疑似高血压，建议转诊确诊",
        _ => "未见异常",
    };
}
