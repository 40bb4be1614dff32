namespace HealthRecords.Domain.Codes;

/// <summary>The Chinese label a form prints beside a numbered option.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class LabelAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}
