using System.Linq.Expressions;
using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Maternal;

namespace HealthRecords.Web.Features.Maternal;

/// <summary>
/// Every maternal and newborn form through the kernel's write path (<see cref="FormWriter"/>): the registration (建册),
/// the delivery information and the ending on the episode; the 第1次 and 第2~5次 prenatal forms, the 产后访视 and the
/// 产后42天 check as forms of the episode; the 新生儿家庭访视 on the baby's record. The episode's dates and the same-day
/// check are read in the same query as the record's scope and status; the domain's validators give the field errors
/// (keyed "form.…", the override reason "overrideReason"); the audit entry is saved with the form.
/// </summary>
public sealed class SaveMaternal(HealthRecordsDbContext db, FormWriter writer, BabyRecords babies)
{
    private const string RoleCannot = "填写孕产妇健康管理记录";
    private static readonly string NoEpisode = RecordMessages.NotFound("该孕产期");

    // ---- the episode -------------------------------------------------------------------------------------------------

    /// <summary>建册 (<paramref name="id"/> null) or a change of the registration.</summary>
    public async Task<CommandResult<PregnancyEpisode>> RegistrationAsync(DataScope user, long? recordId, long? id, MaternalInput<Pregnancy> input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return Missing<PregnancyEpisode>("请填写孕产妇保健手册的建册信息");
        }
        var episodes = db.Set<PregnancyEpisode>();
        var except = id ?? 0;
        var save = new FormSave<PregnancyEpisode, List<EarlierPregnancy>>
        {
            Action = id is null ? "pregnancy-register" : "pregnancy-update",
            Noun = "孕产妇保健手册",
            RoleCannot = RoleCannot,
            Facts = r => episodes.Where(p => p.HealthRecordId == r.Id && p.Id != except)
                .Select(p => new EarlierPregnancy(p.RegisteredOn, p.EndedOn, p.DeliveredOn ?? p.EndedOn)).ToList(),
            Check = (target, _, today) => Invalid<PregnancyEpisode>(
                PregnancyValidator.Validate(form, new Mother(target.Sex, target.BirthDate), target.Facts, today), null),
            Apply = (row, _) => row.With(form),
            Detail = p => $"建册 {p.RegisteredOn:yyyy-MM-dd}",
            // the partial unique index: a second open pregnancy saved at the same moment
            Duplicate = _ => CommandResult<PregnancyEpisode>.Invalid("form.registeredOn", "该孕妇已有未结案的孕产期，请先结案或登记终止，再建新册"),
        };
        return id is long existing
            ? await writer.UpdateAsync(user, existing, input.Version, save, ct)
            : await writer.CreateAsync(user, recordId!.Value, save, ct);
    }

    /// <summary>The hospital's delivery information, written onto the episode (starts the postpartum clock); then each
    /// live-born baby without a record gets one (<see cref="BabyRecords"/>).</summary>
    public async Task<CommandResult<PregnancyEpisode>> DeliveryAsync(DataScope user, long id, MaternalInput<DeliveryInfo> input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return Missing<PregnancyEpisode>("请填写分娩信息");
        }
        var save = new FormSave<PregnancyEpisode, NoFacts>
        {
            Action = "pregnancy-delivery",
            Noun = "分娩信息",
            RoleCannot = RoleCannot,
            Facts = NoFacts.None,
            Check = (_, row, today) =>
                row!.EndedOn is not null && row.EndReason != EpisodeEndReason.Closed && row.DeliveredOn is null
                    ? CommandResult<PregnancyEpisode>.Conflict($"该孕产期已于{row.EndedOn:yyyy-MM-dd}以“{row.EndReason!.Value.Label()}”结束，不能再登记分娩")
                    : Invalid<PregnancyEpisode>(PostpartumValidator.Validate(form, new DeliveryContext(today, row.RegisteredOn, row.Opening, row.Dating)), null),
            Apply = (row, _) => row.With(form),
            Detail = p => $"分娩 {p.DeliveredOn:yyyy-MM-dd}",
        };
        var saved = await writer.UpdateAsync(user, id, input.Version, save, ct);
        if (saved.Succeeded)
        {
            // issue #17: each live birth gets its record in the mother's household, once
            await babies.CreateAsync(user, id, ct);
        }
        return saved;
    }

    /// <summary>Ends the episode (结案, miscarriage, termination, moving away, maternal death), always dated.</summary>
    public async Task<CommandResult<PregnancyEpisode>> EndingAsync(DataScope user, long id, MaternalInput<EpisodeEnding> input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return Missing<PregnancyEpisode>("请填写结束原因和日期");
        }
        var save = new FormSave<PregnancyEpisode, NoFacts>
        {
            Action = "pregnancy-end",
            Noun = "孕产妇保健手册",
            RoleCannot = RoleCannot,
            Facts = NoFacts.None,
            Check = (_, row, today) => Invalid<PregnancyEpisode>(
                PregnancyValidator.Validate(form, row!.RegisteredOn, row.Dating, row.DeliveredOn, today), null),
            Apply = (row, _) => row.With(form),
            Detail = p => $"结束 {p.EndReason} {p.EndedOn:yyyy-MM-dd}",
        };
        return await writer.UpdateAsync(user, id, input.Version, save, ct);
    }

    // ---- the episode's forms -----------------------------------------------------------------------------------------

    /// <summary>The episode as a form's checks see it, read with the record (one query, scalar subqueries).</summary>
    private sealed record EpisodeFacts(
        long? Id, DateOnly RegisteredOn, EpisodeOpening Opening, DateOnly? Lmp, DateOnly? Edd, DateOnly? DeliveredOn,
        DateOnly? DischargedOn, DateOnly? EndedOn, bool SameDay)
    {
        public PregnancyDating Dating => new(Lmp, Edd);
    }

    private Expression<Func<HealthRecord, EpisodeFacts>> Episode(long pregnancyId, Expression<Func<HealthRecord, bool>> sameDay)
    {
        var p = db.Set<PregnancyEpisode>();
        var body = (Expression<Func<HealthRecord, EpisodeFacts>>)(r => new EpisodeFacts(
            p.Where(e => e.Id == pregnancyId && e.HealthRecordId == r.Id).Select(e => (long?)e.Id).FirstOrDefault(),
            p.Where(e => e.Id == pregnancyId).Select(e => e.RegisteredOn).FirstOrDefault(),
            p.Where(e => e.Id == pregnancyId).Select(e => e.Opening).FirstOrDefault(),
            p.Where(e => e.Id == pregnancyId).Select(e => e.LastMenstrualPeriod).FirstOrDefault(),
            p.Where(e => e.Id == pregnancyId).Select(e => e.ExpectedDelivery).FirstOrDefault(),
            p.Where(e => e.Id == pregnancyId).Select(e => e.DeliveredOn).FirstOrDefault(),
            p.Where(e => e.Id == pregnancyId).Select(e => e.DischargedOn).FirstOrDefault(),
            p.Where(e => e.Id == pregnancyId).Select(e => e.EndedOn).FirstOrDefault(),
            false));
        // the same-day check is the form's own: splice it into the last argument
        var init = (NewExpression)body.Body;
        var same = Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(sameDay.Parameters[0], body.Parameters[0], sameDay.Body);
        return Expression.Lambda<Func<HealthRecord, EpisodeFacts>>(init.Update([.. init.Arguments.Take(8), same]), body.Parameters);
    }

    /// <summary>The episode of a stored form (for a change), or null.</summary>
    private Task<long?> EpisodeOfAsync<T>(long formId, Expression<Func<T, long>> pregnancy, CancellationToken ct) where T : ServiceForm =>
        db.Set<T>().Where(f => f.Id == formId).Select(pregnancy).Select(x => (long?)x).FirstOrDefaultAsync(ct);

    /// <summary>第1次产前随访服务记录表: 孕周, age and BMI computed; the rules' advice; a referral or 异常 not followed needs a reason.</summary>
    public async Task<CommandResult<PrenatalVisitView>> FirstVisitAsync(DataScope user, long pregnancyId, long? id, MaternalInput<FirstPrenatalVisit> input, CancellationToken ct)
    {
        if (input.Form is not { } raw)
        {
            return Missing<PrenatalVisitView>("请填写第1次产前随访服务记录表");
        }
        if (id is long formId && await EpisodeOfAsync<PrenatalVisitForm>(formId, f => f.PregnancyId, ct) is long owner)
        {
            pregnancyId = owner;
        }
        var visits = db.Set<PrenatalVisitForm>();
        var (date, except) = (raw.VisitDate, id ?? 0);
        FirstPrenatalVisit? form = null;
        VisitAdvice<CheckResult>? advice = null;
        var save = new FormSave<PrenatalVisitForm, EpisodeFacts>
        {
            Action = id is null ? "prenatal-first-create" : "prenatal-first-update",
            Noun = "第1次产前随访服务记录表",
            RoleCannot = RoleCannot,
            Facts = Episode(pregnancyId, r => visits.Any(v => v.PregnancyId == pregnancyId && v.Round == 1 && v.VisitDate == date && v.Id != except)),
            Matches = f => f.Round == 1,
            Check = (target, _, today) =>
            {
                var e = target.Facts;
                if (e.Id is null)
                {
                    return CommandResult<PrenatalVisitForm>.NotFound(NoEpisode);
                }
                // the first visit dates the pregnancy as the form itself now gives it
                var dating = new PregnancyDating(raw.Pregnancy.LastMenstrualPeriod ?? e.Lmp, raw.Pregnancy.ExpectedDelivery ?? e.Edd);
                form = PrenatalRules.WithComputed(raw, dating, target.BirthDate);
                advice = PrenatalRules.Advise(form);
                return Invalid<PrenatalVisitForm>(PrenatalVisitValidator.Validate(form,
                    new PrenatalContext(today, e.RegisteredOn, dating, e.DeliveredOn, e.SameDay, input.OverrideReason)), input.OverrideReason);
            },
            Apply = (row, _) => { row.PregnancyId = pregnancyId; row.With(form!, advice!).OverrideReason = Reason(input.OverrideReason); },
            Detail = v => $"第1次产前随访 {v.VisitDate:yyyy-MM-dd}",
            Duplicate = _ => CommandResult<PrenatalVisitForm>.Invalid("form.visitDate", "该孕妇当天已有第1次产前随访记录"),
        };
        var saved = await SaveOnEpisodeAsync(user, pregnancyId, id, input.Version, save, ct);
        return saved.Succeeded ? CommandResult<PrenatalVisitView>.Ok(View(saved.Value!)) : saved.As<PrenatalVisitView>();
    }

    /// <summary>第2~5次产前随访服务记录表 (one column): 孕周 computed and inside the round's window; danger signs refer urgently.</summary>
    public async Task<CommandResult<PrenatalVisitView>> PrenatalVisitAsync(DataScope user, long pregnancyId, long? id, MaternalInput<PrenatalVisit> input, CancellationToken ct)
    {
        if (input.Form is not { } raw)
        {
            return Missing<PrenatalVisitView>("请填写产前随访服务记录");
        }
        if (id is long formId && await EpisodeOfAsync<PrenatalVisitForm>(formId, f => f.PregnancyId, ct) is long owner)
        {
            pregnancyId = owner;
        }
        var visits = db.Set<PrenatalVisitForm>();
        var (date, except) = (raw.VisitDate, id ?? 0);
        PrenatalVisit? form = null;
        VisitAdvice<CheckResult>? advice = null;
        var save = new FormSave<PrenatalVisitForm, EpisodeFacts>
        {
            Action = id is null ? "prenatal-visit-create" : "prenatal-visit-update",
            Noun = "产前随访服务记录",
            RoleCannot = RoleCannot,
            Facts = Episode(pregnancyId, r => visits.Any(v => v.PregnancyId == pregnancyId && v.Round > 1 && v.VisitDate == date && v.Id != except)),
            Matches = f => f.Round > 1,
            Check = (target, _, today) =>
            {
                var e = target.Facts;
                if (e.Id is null)
                {
                    return CommandResult<PrenatalVisitForm>.NotFound(NoEpisode);
                }
                form = PrenatalRules.WithComputed(raw, e.Dating);
                advice = PrenatalRules.Advise(form);
                return Invalid<PrenatalVisitForm>(PrenatalVisitValidator.Validate(form,
                    new PrenatalContext(today, e.RegisteredOn, e.Dating, e.DeliveredOn, e.SameDay, input.OverrideReason)), input.OverrideReason);
            },
            Apply = (row, _) => { row.PregnancyId = pregnancyId; row.With(form!, advice!).OverrideReason = Reason(input.OverrideReason); },
            Detail = v => $"第{v.Round}次产前随访 {v.VisitDate:yyyy-MM-dd}",
            Duplicate = _ => CommandResult<PrenatalVisitForm>.Invalid("form.visitDate", "该孕妇当天已有产前随访记录"),
        };
        var saved = await SaveOnEpisodeAsync(user, pregnancyId, id, input.Version, save, ct);
        return saved.Succeeded ? CommandResult<PrenatalVisitView>.Ok(View(saved.Value!)) : saved.As<PrenatalVisitView>();
    }

    /// <summary>产后访视记录表: after the delivery (and the discharge); the five problems refer.</summary>
    public Task<CommandResult<PostpartumView>> PostpartumVisitAsync(DataScope user, long pregnancyId, long? id, MaternalInput<PostpartumVisit> input, CancellationToken ct) =>
        input.Form is not { } form ? Task.FromResult(Missing<PostpartumView>("请填写产后访视记录"))
            : PostpartumAsync(user, pregnancyId, id, input, PostpartumFormKind.Visit, form.VisitDate,
                c => PostpartumValidator.Validate(form, c), row => row.With(form), () => PostpartumRules.Advise(form) is var a ? (a.Referral, a.Reasons, a.DangerSigns) : default, ct);

    /// <summary>产后42天健康检查记录表: after the delivery; 处理 结案 ends the episode on its date.</summary>
    public Task<CommandResult<PostpartumView>> Check42Async(DataScope user, long pregnancyId, long? id, MaternalInput<Postpartum42DayCheck> input, CancellationToken ct) =>
        input.Form is not { } form ? Task.FromResult(Missing<PostpartumView>("请填写产后42天健康检查记录"))
            : PostpartumAsync(user, pregnancyId, id, input, PostpartumFormKind.Check42, form.VisitDate,
                c => PostpartumValidator.Validate(form, c), row => row.With(form), () => PostpartumRules.Advise(form) is var a ? (a.Referral, a.Reasons, a.DangerSigns) : default, ct,
                closes: PregnancyRules.EndingFrom(form));

    private async Task<CommandResult<PostpartumView>> PostpartumAsync<TForm>(
        DataScope user, long pregnancyId, long? id, MaternalInput<TForm> input, PostpartumFormKind kind, DateOnly date,
        Func<PostpartumContext, IReadOnlyDictionary<string, string[]>> validate, Action<PostpartumForm> write,
        Func<(ReferralAdvice, IReadOnlyList<string>, IReadOnlyList<string>)> advise, CancellationToken ct, EpisodeEnding? closes = null)
        where TForm : class
    {
        if (id is long formId && await EpisodeOfAsync<PostpartumForm>(formId, f => f.PregnancyId, ct) is long owner)
        {
            pregnancyId = owner;
        }
        var visits = db.Set<PostpartumForm>();
        var except = id ?? 0;
        var save = new FormSave<PostpartumForm, EpisodeFacts>
        {
            Action = (kind == PostpartumFormKind.Visit ? "postpartum-visit-" : "postpartum-42-") + (id is null ? "create" : "update"),
            Noun = kind == PostpartumFormKind.Visit ? "产后访视记录" : "产后42天健康检查记录",
            RoleCannot = RoleCannot,
            Facts = Episode(pregnancyId, r => visits.Any(v => v.PregnancyId == pregnancyId && v.Kind == kind && v.VisitDate == date && v.Id != except)),
            Matches = f => f.Kind == kind,
            Check = (target, _, today) =>
            {
                var e = target.Facts;
                if (e.Id is null)
                {
                    return CommandResult<PostpartumForm>.NotFound(NoEpisode);
                }
                if (e.DeliveredOn is not DateOnly delivered)
                {
                    return CommandResult<PostpartumForm>.Invalid("form.visitDate", "尚未登记分娩信息，请先登记分娩信息再填写产后记录");
                }
                return Invalid<PostpartumForm>(validate(new PostpartumContext(today, delivered, e.DischargedOn, e.SameDay, input.OverrideReason)), input.OverrideReason);
            },
            Apply = (row, _) => { row.PregnancyId = pregnancyId; write(row); row.OverrideReason = Reason(input.OverrideReason); },
            Detail = v => $"{(v.Kind == PostpartumFormKind.Visit ? "产后访视" : "产后42天检查")} {v.VisitDate:yyyy-MM-dd}",
            Duplicate = _ => CommandResult<PostpartumForm>.Invalid("form.visitDate", kind == PostpartumFormKind.Visit ? "该产妇当天已有产后访视记录" : "该产妇当天已有产后42天健康检查记录"),
        };
        var saved = await SaveOnEpisodeAsync(user, pregnancyId, id, input.Version, save, ct, closes);
        if (!saved.Succeeded)
        {
            return saved.As<PostpartumView>();
        }
        var (referral, reasons, danger) = advise();
        var r = saved.Value!;
        return CommandResult<PostpartumView>.Ok(new PostpartumView(r.Id, r.PregnancyId, r.HealthRecordId, Title(r), r.VisitDate, r.Referred,
            referral.Label(), reasons, danger, r.Version, r.Visit, r.Check42));
    }

    /// <summary>
    /// Creates or changes a form of an episode: the record is the episode's (looked up by id only to know whose record to
    /// open; the writer then checks scope and status and the facts check the episode is that record's). A 42-day check
    /// whose 处理 is 结案 also ends the episode, in the same save.
    /// </summary>
    private async Task<CommandResult<T>> SaveOnEpisodeAsync<T>(DataScope user, long pregnancyId, long? id, int? version, FormSave<T, EpisodeFacts> save,
        CancellationToken ct, EpisodeEnding? closes = null) where T : ServiceForm, new()
    {
        if (closes is not null)
        {
            var episode = await db.Set<PregnancyEpisode>().FirstOrDefaultAsync(p => p.Id == pregnancyId && p.EndedOn == null, ct);
            if (episode is not null)
            {
                var apply = save.Apply;
                save = new FormSave<T, EpisodeFacts>
                {
                    Action = save.Action, Noun = save.Noun, RoleCannot = save.RoleCannot, Facts = save.Facts, Matches = save.Matches,
                    Check = save.Check, Detail = save.Detail, Duplicate = save.Duplicate,
                    Apply = (row, target) => { apply(row, target); episode.With(closes); writer.Touch(episode); },
                };
            }
        }
        if (id is long existing)
        {
            return await writer.UpdateAsync(user, existing, version, save, ct);
        }
        var record = await db.Set<PregnancyEpisode>().Where(p => p.Id == pregnancyId).Select(p => (long?)p.HealthRecordId).FirstOrDefaultAsync(ct);
        return record is long recordId ? await writer.CreateAsync(user, recordId, save, ct) : CommandResult<T>.NotFound(NoEpisode);
    }

    // ---- the newborn -------------------------------------------------------------------------------------------------

    /// <summary>新生儿家庭访视记录表 on the baby's record: within 28 days of birth (the record's birth date); urgent signs refer.</summary>
    public async Task<CommandResult<NewbornVisitView>> NewbornVisitAsync(DataScope user, long? recordId, long? id, MaternalInput<NewbornVisit> input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return Missing<NewbornVisitView>("请填写新生儿家庭访视记录");
        }
        var visits = db.Set<NewbornVisitForm>();
        var (date, except) = (form.VisitDate, id ?? 0);
        var births = db.Set<BirthRecord>();
        var save = new FormSave<NewbornVisitForm, NewbornFacts>
        {
            Action = id is null ? "newborn-visit-create" : "newborn-visit-update",
            Noun = "新生儿家庭访视记录",
            RoleCannot = RoleCannot,
            Facts = r => new NewbornFacts(visits.Any(v => v.HealthRecordId == r.Id && v.VisitDate == date && v.Id != except),
                births.Where(b => b.HealthRecordId == r.Id).Select(b => (long?)b.PregnancyId).FirstOrDefault()),
            Check = (target, _, today) => Invalid<NewbornVisitForm>(
                NewbornVisitValidator.Validate(form, new NewbornContext(today, target.BirthDate, target.Facts.SameDay, input.OverrideReason)), input.OverrideReason),
            // the mother's episode, when the baby's record came from her delivery
            Apply = (row, target) => { row.With(form).OverrideReason = Reason(input.OverrideReason); row.PregnancyId = target.Facts.PregnancyId; },
            Detail = v => $"新生儿访视 {v.VisitDate:yyyy-MM-dd}",
            Duplicate = _ => CommandResult<NewbornVisitForm>.Invalid("form.visitDate", "该新生儿当天已有家庭访视记录"),
        };
        var saved = id is long existing
            ? await writer.UpdateAsync(user, existing, input.Version, save, ct)
            : await writer.CreateAsync(user, recordId!.Value, save, ct);
        return saved.Succeeded ? CommandResult<NewbornVisitView>.Ok(View(saved.Value!)) : saved.As<NewbornVisitView>();
    }

    // ---- shared ------------------------------------------------------------------------------------------------------

    private sealed record NewbornFacts(bool SameDay, long? PregnancyId);

    internal static PrenatalVisitView View(PrenatalVisitForm v)
    {
        var advice = v.First is { } first ? PrenatalRules.Advise(first) : PrenatalRules.Advise(v.Visit!);
        var age = v.First?.GestationalAge ?? v.Visit?.GestationalAge;
        return new(v.Id, v.PregnancyId, v.HealthRecordId, v.Round, v.VisitDate, age?.ToString(), v.Referred, v.UrgentReferral,
            advice.Classification.Label(), advice.Referral.Label(), advice.Reasons, advice.DangerSigns, v.Version, v.First, v.Visit);
    }

    internal static NewbornVisitView View(NewbornVisitForm v)
    {
        var advice = NewbornRules.Advise(v.Form);
        return new(v.Id, v.HealthRecordId, v.VisitDate, v.Referred, advice.Referral.Label(), advice.Reasons, advice.DangerSigns,
            advice.Reminders, advice.NeedsExtraVisits, v.Version, v.Form);
    }

    internal static string Title(PostpartumForm f) => f.Kind == PostpartumFormKind.Visit ? "产后访视" : "产后42天健康检查";

    private static string? Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private static CommandResult<T> Missing<T>(string message) => CommandResult<T>.Invalid("form", message);

    /// <summary>The domain's errors keyed under "form." (the doctor's override reason stays "overrideReason"); null when none.</summary>
    private static CommandResult<T>? Invalid<T>(IReadOnlyDictionary<string, string[]> errors, string? _)
    {
        if (errors.Count == 0)
        {
            return null;
        }
        var keyed = new FieldErrors();
        keyed.AddAll(errors.Where(e => e.Key != "overrideReason").ToDictionary(), "form");
        if (errors.TryGetValue("overrideReason", out var reason))
        {
            keyed["overrideReason"] = reason;
        }
        return CommandResult<T>.Invalid(keyed);
    }
}
