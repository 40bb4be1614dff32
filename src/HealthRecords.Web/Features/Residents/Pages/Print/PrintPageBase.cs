using Microsoft.AspNetCore.Components;

namespace HealthRecords.Web.Features.Residents.Pages.Print;

/// <summary>
/// Base of the record's own print pages (封面, 信息卡): the kernel's print page (<see cref="PrintPageBase{TView}"/>) over the
/// record, read within the user's scope (<see cref="PrintRecord"/>) and audited as the printed form.
/// </summary>
public abstract class RecordPrintPageBase : PrintPageBase<PrintView>
{
    [Inject] private PrintRecord Printer { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    protected abstract PrintedForm Form { get; }

    protected override string Action => Form == PrintedForm.Card ? "print-card" : "print-cover";

    protected override async Task<Printed?> LoadAsync(DataScope user, CancellationToken ct) =>
        await Printer.LoadAsync(user, Id, Form, ct) is { } view ? new Printed(view, Id, null) : null;
}
