using HealthRecords.Web.Features.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace HealthRecords.Web.Features.Encounters.Pages.Print;

/// <summary>
/// Base of the static print pages of encounters, consultations and referrals (as <c>Residents/Pages/Print</c>): the form
/// is loaded once per request within the user's scope, and opening the page is audited as a print.
/// </summary>
public abstract class ServicePrintPageBase<T> : ComponentBase where T : ServiceFormEntity
{
    [Inject] private PrintServiceForm Printer { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [Parameter] public long Id { get; set; }
    [Parameter] public long FormId { get; set; }

    /// <summary>The audit action of this page, e.g. "print-encounter".</summary>
    protected abstract string Action { get; }

    /// <summary>The form and its record; null when missing or not readable by the user.</summary>
    protected ServiceFormPrint<T>? View { get; private set; }

    protected override async Task OnInitializedAsync() =>
        View = await Printer.LoadAsync<T>(DataScope.From(HttpContext.User), Id, FormId, Action, HttpContext.RequestAborted);
}
