namespace HealthRecords.Domain.Records;

/// <summary>
/// Marks an ID number or a phone inside a form document (a string property). The host stores it encrypted under the
/// field key, as it stores the record's own ID number and phones (docs/architecture.md "Sensitive fields"); the
/// document's other fields stay plain JSON. A property of a positional record is marked <c>[property: Sensitive]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SensitiveAttribute : Attribute;
