using System.Linq.Expressions;
using System.Reflection;

namespace HealthRecords.Web.Kernel;

/// <summary>
/// The record a form is saved to, as the checks see it: read in one query with its scope, its status and whatever
/// facts the form's rules need (<typeparamref name="TFacts"/>: the enrolment, the previous visit, a same-day form …).
/// </summary>
public sealed record FormTarget<TFacts>(long RecordId, RecordStatus Status, DateOnly BirthDate, Sex Sex, TFacts Facts);

/// <summary>A form loaded for a change (tracked) with its record's target.</summary>
public sealed record FormRow<T, TFacts>(T Form, FormTarget<TFacts> Target);

/// <summary>The facts of a form whose rules need nothing beyond the record's birth date and sex.</summary>
public readonly record struct NoFacts
{
    public static readonly Expression<Func<HealthRecord, NoFacts>> None = r => new NoFacts();
}

/// <summary>One save of one kind of form: its checks, how it writes itself, how it is audited.</summary>
public sealed class FormSave<T, TFacts> where T : ServiceForm
{
    /// <summary>The audit action, e.g. "encounter-create".</summary>
    public required string Action { get; init; }

    /// <summary>The facts of the record the checks need, read with the scope and status check in one query.</summary>
    public required Expression<Func<HealthRecord, TFacts>> Facts { get; init; }

    /// <summary>
    /// The domain's checks: null when the form may be saved, else the refusal (usually field errors keyed by JSON path,
    /// <see cref="FormWriter.Invalid"/>). The existing form is null for a new one.
    /// </summary>
    public required Func<FormTarget<TFacts>, T?, DateOnly, CommandResult<T>?> Check { get; init; }

    /// <summary>Writes the form's document and promoted columns onto the row.</summary>
    public required Action<T, FormTarget<TFacts>> Apply { get; init; }

    /// <summary>The audit entry's detail (no personal data), e.g. the service date.</summary>
    public Func<T, string>? Detail { get; init; }

    /// <summary>For a change: what the stored form must also match (its record, its disease …).</summary>
    public Expression<Func<T, bool>>? Matches { get; init; }

    /// <summary>What the user sees when a unique index refused the save (one form per day …); null: the error is thrown.</summary>
    public Func<T, CommandResult<T>>? Duplicate { get; init; }

    /// <summary>What the form is called in messages ("记录", "体检表", "随访记录").</summary>
    public string Noun { get; init; } = "记录";

    /// <summary>What the user's role cannot do, in the 403 message ("填写服务记录").</summary>
    public string RoleCannot { get; init; } = "填写服务记录";
}

/// <summary>
/// The one write path of every service form: the user's role may edit; the record is in the user's scope (a lent
/// record is not: it is read-only) and active (closed and merged records are read-only); a change names the version it
/// started from (optimistic concurrency, 409 when stale); the domain's checks become field errors (400 problem+json);
/// the audit entry is saved in the same SaveChanges as the form. The record, its status and the form's facts are read
/// in one query; a change loads the form in the same query.
/// </summary>
public sealed class FormWriter(HealthRecordsDbContext db, Audit audit, TimeProvider time)
{
    public async Task<CommandResult<T>> CreateAsync<T, TFacts>(DataScope user, long recordId, FormSave<T, TFacts> save, CancellationToken ct)
        where T : ServiceForm, new()
    {
        if (!user.CanEdit)
        {
            return CommandResult<T>.Forbidden(RecordMessages.RoleCannot(save.RoleCannot));
        }
        await db.Database.OpenConnectionAsync(ct); // one connection for the checks' read and the save (one pool lease, not two)
        try
        {
            return await CreateOpenAsync(user, recordId, save, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<CommandResult<T>> CreateOpenAsync<T, TFacts>(DataScope user, long recordId, FormSave<T, TFacts> save, CancellationToken ct)
        where T : ServiceForm, new()
    {
        var (target, refusal) = await OpenAsync<TFacts, T>(user, recordId, save.Facts, save.RoleCannot, ct);
        if (target is null)
        {
            return refusal!;
        }
        if (save.Check(target, null, time.Today()) is { } failed)
        {
            return failed;
        }
        var form = New<T>(user, recordId);
        save.Apply(form, target);
        db.Add(form);
        return await SaveAsync(user, save, form, ct);
    }

    public async Task<CommandResult<T>> UpdateAsync<T, TFacts>(DataScope user, long id, int? version, FormSave<T, TFacts> save, CancellationToken ct)
        where T : ServiceForm
    {
        if (!user.CanEdit)
        {
            return CommandResult<T>.Forbidden(RecordMessages.RoleCannot(save.RoleCannot));
        }
        await db.Database.OpenConnectionAsync(ct); // one connection for the checks' read and the save (one pool lease, not two)
        try
        {
            return await UpdateOpenAsync(user, id, version, save, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<CommandResult<T>> UpdateOpenAsync<T, TFacts>(DataScope user, long id, int? version, FormSave<T, TFacts> save, CancellationToken ct)
        where T : ServiceForm
    {
        var forms = db.Set<T>().Where(f => f.Id == id);
        if (save.Matches is not null)
        {
            forms = forms.Where(save.Matches);
        }
        var row = await forms.Join(user.Apply(db.HealthRecords), f => f.HealthRecordId, r => r.Id, Targets<TFacts>.Row<T>(save.Facts)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return CommandResult<T>.NotFound(RecordMessages.FormNotFound);
        }
        if (row.Target.Status != RecordStatus.Active)
        {
            return CommandResult<T>.Conflict(RecordMessages.ReadOnly);
        }
        if (version is not int v)
        {
            return CommandResult<T>.Invalid("version", RecordMessages.MissingVersion);
        }
        var form = row.Form;
        if (v != form.Version)
        {
            return CommandResult<T>.Conflict(RecordMessages.Stale(save.Noun));
        }
        if (save.Check(row.Target, form, time.Today()) is { } failed)
        {
            return failed;
        }
        save.Apply(form, row.Target);
        Touch(form);
        return await SaveAsync(user, save, form, ct);
    }

    /// <summary>
    /// The record a form is about to be added to, with <paramref name="facts"/>, when the user may add to it: a role that
    /// edits, in scope (a lent record is not), active. Otherwise the refusal (403, 404, 409).
    /// </summary>
    public async Task<(FormTarget<TFacts>? Target, CommandResult<TResult>? Refusal)> OpenAsync<TFacts, TResult>(
        DataScope user, long recordId, Expression<Func<HealthRecord, TFacts>> facts, string roleCannot, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return (null, CommandResult<TResult>.Forbidden(RecordMessages.RoleCannot(roleCannot)));
        }
        var target = await user.Apply(db.HealthRecords).Where(r => r.Id == recordId).Select(Targets<TFacts>.Of(facts)).FirstOrDefaultAsync(ct);
        if (target is null)
        {
            return (null, CommandResult<TResult>.NotFound());
        }
        return target.Status == RecordStatus.Active ? (target, null) : (null, CommandResult<TResult>.Conflict(RecordMessages.ReadOnly));
    }

    /// <summary>A new form of the record, stamped with the user, their institution and now.</summary>
    public T New<T>(DataScope user, long recordId) where T : ServiceForm, new()
    {
        var now = time.UtcNow();
        return new T
        {
            HealthRecordId = recordId, InstitutionId = user.InstitutionId, CreatedById = user.UserId, CreatedByName = user.DisplayName,
            CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1,
        };
    }

    /// <summary>Marks a loaded form as changed: the next version, refused at save if the stored one moved on meanwhile.</summary>
    public void Touch(ServiceForm form)
    {
        db.Entry(form).Property(x => x.Version).OriginalValue = form.Version;
        form.Version++;
        form.UpdatedAtUtc = time.UtcNow();
    }

    /// <summary>
    /// Adds the audit entry and saves it with the form(s) in one SaveChanges. A stale version is refused (409); a unique
    /// index's refusal becomes <paramref name="duplicate"/> when given. Null when saved.
    /// </summary>
    public async Task<CommandResult<TResult>?> SaveAsync<TResult>(
        DataScope user, string action, long recordId, string? detail, string noun, Func<CommandResult<TResult>>? duplicate, CancellationToken ct)
    {
        audit.Add(user, action, recordId, detail);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<TResult>.Conflict(RecordMessages.Stale(noun));
        }
        catch (DbUpdateException e) when (duplicate is not null && IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return duplicate();
        }
    }

    /// <summary>Field errors as a refusal; null when there are none.</summary>
    public static CommandResult<T>? Invalid<T>(IReadOnlyDictionary<string, string[]> errors) =>
        errors.Count == 0 ? null : CommandResult<T>.Invalid(errors);

    /// <summary>Domain errors keyed under the input's property holding the form (e.g. "form.visitDate").</summary>
    public static IReadOnlyDictionary<string, string[]> Under(string prefix, IReadOnlyDictionary<string, string[]> errors)
    {
        var all = new FieldErrors();
        all.AddAll(errors, prefix);
        return all;
    }

    /// <summary>A unique index or key refused the row (PostgreSQL 23505, SQLite's UNIQUE / PRIMARY KEY constraint).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    private async Task<CommandResult<T>> SaveAsync<T, TFacts>(DataScope user, FormSave<T, TFacts> save, T form, CancellationToken ct)
        where T : ServiceForm =>
        await SaveAsync<T>(user, save.Action, form.HealthRecordId, save.Detail?.Invoke(form), save.Noun,
            save.Duplicate is null ? null : () => save.Duplicate(form), ct) ?? CommandResult<T>.Ok(form);

    /// <summary>The target query's shapes for one kind of facts, built from the form's facts expression.</summary>
    private static class Targets<TFacts>
    {
        private static readonly ConstructorInfo Target = typeof(FormTarget<TFacts>).GetConstructors().Single();

        public static Expression<Func<HealthRecord, FormTarget<TFacts>>> Of(Expression<Func<HealthRecord, TFacts>> facts) =>
            Expression.Lambda<Func<HealthRecord, FormTarget<TFacts>>>(New(facts), facts.Parameters);

        public static Expression<Func<T, HealthRecord, FormRow<T, TFacts>>> Row<T>(Expression<Func<HealthRecord, TFacts>> facts)
        {
            var form = Expression.Parameter(typeof(T), "f");
            return Expression.Lambda<Func<T, HealthRecord, FormRow<T, TFacts>>>(
                Expression.New(Rows<T>.Constructor, form, New(facts)), form, facts.Parameters[0]);
        }

        private static NewExpression New(Expression<Func<HealthRecord, TFacts>> facts)
        {
            var r = facts.Parameters[0];
            return Expression.New(Target,
                Expression.Property(r, nameof(HealthRecord.Id)),
                Expression.Property(r, nameof(HealthRecord.Status)),
                Expression.Property(r, nameof(HealthRecord.BirthDate)),
                Expression.Property(r, nameof(HealthRecord.Sex)),
                facts.Body);
        }

        private static class Rows<T>
        {
            public static readonly ConstructorInfo Constructor = typeof(FormRow<T, TFacts>).GetConstructors().Single();
        }
    }
}
