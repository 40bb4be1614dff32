namespace HealthRecords.Web.Features.Common;

/// <summary>
/// The signed-in browser's IP address for the audit log ("from where"). Interactive pages run in a circuit with no
/// HttpContext, so the address of the request that rendered the page is handed to the circuit (App → Routes) and
/// kept here, one per circuit scope.
/// </summary>
public sealed class ClientAddress
{
    public string? Value { get; set; }
}
