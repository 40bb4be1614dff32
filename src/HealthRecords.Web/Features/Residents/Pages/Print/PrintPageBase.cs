using HealthRecords.Web.Features.Auth;
using Microsoft.AspNetCore.Components;

namespace HealthRecords.Web.Features.Residents.Pages.Print;

/// <summary>
/// Base of the print pages. They render statically (plain HTML that prints at true size), so they load the
/// record once per request, within the signed-in user's scope. A missing or out-of-scope record shows a message
/// with status 200, as the overview page does: in .NET 10 a static component that sets 404 itself gets an
/// empty body (the renderer leaves 404s to NavigationManager.NotFound and the router's not-found page).
/// </summary>
public abstract class PrintPageBase : ComponentBase
{
    [Inject] private PrintRecord Printer { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    protected abstract PrintedForm Form { get; }

    /// <summary>The record to print; null when it does not exist or is not in the user's scope.</summary>
    protected PrintView? View { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        View = await Printer.LoadAsync(DataScope.From(HttpContext.User), Id, Form, HttpContext.RequestAborted);
    }
}
