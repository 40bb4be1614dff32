namespace HealthRecords.Web.Data.Entities;

/// <summary>A one-time data step done at start (e.g. encrypting the values written before encryption existed).</summary>
public sealed class DataStep
{
    public required string Name { get; set; }
    public DateTime DoneAtUtc { get; set; }
}
