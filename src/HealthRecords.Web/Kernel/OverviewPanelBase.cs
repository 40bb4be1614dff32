using HealthRecords.Web.Components.Shared;
using HealthRecords.Web.Features.Residents;
using Microsoft.AspNetCore.Components;

namespace HealthRecords.Web.Kernel;

/// <summary>
/// The base of a panel on the resident overview page (declared by a module with <see cref="ModuleBuilder.OverviewPanel{T}"/>):
/// it gets the overview the page has read and audited, and loads its own data through its module's readers.
/// Copy <c>Features/Examinations/Pages/ExaminationHistory.razor</c>.
/// </summary>
public abstract class OverviewPanelBase : ScopedComponentBase
{
    /// <summary>The record as the overview page read it (scope checked, read audited).</summary>
    [Parameter, EditorRequired] public ResidentOverview Overview { get; set; } = default!;

    protected long RecordId => Overview.Record.Id;

    /// <summary>The record is lent to the user (档案借阅): read only.</summary>
    protected bool Lent => Overview.Lent;

    /// <summary>Services may be added to and changed on the record: it is active and not lent (the role is the panel's own check).</summary>
    protected bool Writable => Overview.Record.Status == RecordStatus.Active && !Overview.Lent;

    private ResidentOverview? loaded;

    /// <summary>Loads the panel's data: once per overview the page reads, not on every render of the page.</summary>
    protected abstract Task LoadAsync();

    protected sealed override async Task OnParametersSetAsync()
    {
        if (!ReferenceEquals(loaded, Overview))
        {
            loaded = Overview;
            await LoadAsync();
        }
    }
}
