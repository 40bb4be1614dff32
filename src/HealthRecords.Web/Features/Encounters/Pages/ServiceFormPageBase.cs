using HealthRecords.Web.Components.Shared;
using HealthRecords.Web.Features.Residents;
using Microsoft.AspNetCore.Components;

namespace HealthRecords.Web.Features.Encounters.Pages;

/// <summary>
/// What the encounter, consultation and referral pages share: the record's header, the field errors of the last
/// failed save (the typed values stay in the page), and dates as the date inputs give them.
/// </summary>
public abstract class ServiceFormPageBase : ScopedComponentBase
{
    [Inject] private TimeProvider Time { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    protected ResidentDetail? Record { get; private set; }
    protected bool NotFound { get; set; }
    protected FieldErrorMap Errors { get; } = new();
    protected string? Message { get; set; }
    protected bool Saving { get; private set; }
    protected DateOnly Today => Time.Today();

    /// <summary>Loads the record's header; false (and <see cref="NotFound"/>) when the user may not read it.</summary>
    protected async Task<bool> LoadRecordAsync()
    {
        Errors.Clear();
        Message = null;
        if (Record?.Id != Id)
        {
            Record = await RunAsync<ResidentReader, ResidentDetail?>((r, user) => r.GetAsync(user, Id, CancellationToken.None));
        }
        NotFound = Record is null;
        return !NotFound;
    }

    /// <summary>Runs a save; on failure puts each error beside its field (or the message on top) and returns null.</summary>
    protected async Task<CommandResult<T>?> SaveWithAsync<T>(Func<Task<CommandResult<T>>> save)
    {
        Errors.Clear();
        Message = null;
        Saving = true;
        try
        {
            var result = await save();
            if (result.Succeeded)
            {
                return result;
            }
            Errors.Set(result.Errors);
            Message = result.Status == CommandStatus.Invalid ? null : result.Message;
            return null;
        }
        finally
        {
            Saving = false;
        }
    }

    protected static string? DateText(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static DateOnly? ParseDate(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    protected static int? ParseInt(string? s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
