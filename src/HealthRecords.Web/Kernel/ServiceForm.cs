using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthRecords.Web.Kernel;

/// <summary>
/// A form that records one service given to one resident (接诊, 体检, 随访 …): whose record, who entered it at which
/// institution, when, and its version. The form itself is a domain record stored whole as a schema-versioned JSON
/// document (<see cref="JsonDocuments"/>); the columns a list, a schedule or a measure needs are promoted beside it
/// and written only from the document. Saved only through <see cref="FormWriter"/>, read through <see cref="FormReader"/>.
/// Copy <c>Features/Encounters/Encounter.cs</c> (entity) and its configuration.
/// </summary>
public abstract class ServiceForm
{
    public long Id { get; set; }
    public long HealthRecordId { get; set; }
    /// <summary>The institution of the user who entered it (none for county-wide users).</summary>
    public int? InstitutionId { get; set; }
    public string CreatedById { get; set; } = "";
    /// <summary>The doctor who entered it, by name at the time.</summary>
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Optimistic concurrency token: every save increments it; a save with an older value is refused.</summary>
    public int Version { get; set; }

    /// <summary>The day the service was given (each form promotes it into a column of its own name).</summary>
    public abstract DateOnly ServiceDate { get; }
}

/// <summary>
/// The EF configuration of a service form: what every form shares (lengths, the version as concurrency token, the
/// record's foreign key with cascade) and, in <see cref="Configure(EntityTypeBuilder{T}, ModelOptions)"/>, the form's
/// table, documents and indexes. Found by <see cref="ModelConfigurations"/>.
/// </summary>
public abstract class FormConfiguration<T> : IEntityConfiguration where T : ServiceForm
{
    public void Configure(ModelBuilder model, ModelOptions options) => model.Entity<T>(e =>
    {
        e.Ignore(x => x.ServiceDate);
        e.Property(x => x.CreatedById).HasMaxLength(450);
        e.Property(x => x.CreatedByName).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<HealthRecord>().WithMany().HasForeignKey(x => x.HealthRecordId).OnDelete(DeleteBehavior.Cascade);
        Configure(e, options);
    });

    protected abstract void Configure(EntityTypeBuilder<T> form, ModelOptions options);
}
