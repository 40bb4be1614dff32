using Microsoft.AspNetCore.Components;

namespace HealthRecords.Web.Kernel;

/// <summary>
/// The base of every print page: a static page (<c>[ExcludeFromInteractiveRouting]</c>, <c>PrintLayout</c>) that loads
/// what it prints once per request through a scoped, audited reader, and writes one audit entry of its own action
/// (the page exists only to be printed). ID numbers and phones anywhere in the view are printed in full only to a role
/// that may see them on a record of its own scope, else masked (<see cref="Features.Security.SensitiveNumbers"/>). A missing or out-of-reach form shows <c>NotInScope</c> with status 200, as the
/// overview does (a static component that sets 404 itself gets an empty body in .NET 10). Declare the page in the
/// module (<see cref="ModuleBuilder.PrintPage"/>). Copy <c>Features/Encounters/Pages/Print/PrintEncounter.razor</c>.
/// </summary>
/// <typeparam name="TView">What the page prints.</typeparam>
public abstract class PrintPageBase<TView> : ComponentBase where TView : class
{
    [Inject] private Audit AuditLog { get; set; } = default!;
    [Inject] private Features.Residents.ResidentReader Records { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    /// <summary>The audit action of opening this page, e.g. "print-encounter".</summary>
    protected abstract string Action { get; }

    /// <summary>What is printed; null when it is missing or the user may not read it.</summary>
    protected TView? View { get; private set; }

    /// <summary>Loads the view within the user's reach (scoped and read-audited); null when out of reach.</summary>
    protected abstract Task<Printed?> LoadAsync(DataScope user, CancellationToken ct);

    /// <summary>A view with the record it belongs to and the detail of the print's audit entry.</summary>
    protected sealed record Printed(TView View, long RecordId, string? Detail);

    protected override async Task OnInitializedAsync()
    {
        var user = DataScope.From(HttpContext.User);
        if (!user.Can(Permission.PrintRecord))
        {
            return;
        }
        var printed = await LoadAsync(user, HttpContext.RequestAborted);
        if (printed is null)
        {
            return;
        }
        await AuditLog.WriteAsync(user, Action, printed.RecordId, printed.Detail, HttpContext.RequestAborted);
        // Every print page prints ID numbers and phones by one rule (issue #14): full only to a role that may see them,
        // on a record in its own scope; else masked, wherever they are in the view.
        var access = await Records.AccessAsync(user, printed.RecordId, HttpContext.RequestAborted);
        View = Features.Security.SensitiveNumbers.MaySeeFull(user, access) ? printed.View : Features.Security.SensitiveNumbers.Masked(printed.View);
    }
}

/// <summary>A service form to print with its record's header (name, record number).</summary>
public sealed record FormPrint<T>(Features.Residents.ResidentDetail Record, T Form);

/// <summary>
/// The print page of one service form, at <c>/residents/{Id}/print/…/{FormId}</c>: the form of that record, if the user may
/// read the record, with the record's header. Copy <c>Features/Encounters/Pages/Print/PrintEncounter.razor</c>.
/// </summary>
public abstract class FormPrintPageBase<T> : PrintPageBase<FormPrint<T>> where T : ServiceForm
{
    [Inject] private FormReader Forms { get; set; } = default!;
    [Inject] private Features.Residents.ResidentReader Residents { get; set; } = default!;

    [Parameter] public long Id { get; set; }
    [Parameter] public long FormId { get; set; }

    protected override async Task<Printed?> LoadAsync(DataScope user, CancellationToken ct)
    {
        var recordId = Id;
        var form = await Forms.OneAsync<T>(user, FormId, null, ct, f => f.HealthRecordId == recordId);
        var record = form is null ? null : await Residents.DetailAsync(recordId, ct);
        return form is null || record is null ? null : new Printed(new FormPrint<T>(record, form), recordId, $"{typeof(T).Name} {FormId}");
    }
}
