namespace HealthRecords.Domain.Records;

/// <summary>档案终止原因 (001 四(三); GLOSSARY RecordClosure).</summary>
public enum ClosureReason
{
    [Label("死亡")] Death = 1,
    [Label("迁出")] MovedOut = 2,
    [Label("失访")] LostToFollowUp = 3,
}

/// <summary>A record's closure as entered: always dated; moving out also names the destination and the hand-over.</summary>
public sealed record RecordClosure(ClosureReason Reason, DateOnly? ClosedOn, string? Destination, string? HandOver, string? Note);

public static class RecordClosureRules
{
    /// <summary>Field errors of a closure; empty when it may be saved.</summary>
    // 001 四(三): 终止档案须注明死亡日期、迁出日期（及迁往地点、交接情况）或失访日期
    public static IReadOnlyDictionary<string, string[]> Validate(RecordClosure closure, DateOnly birthDate, DateOnly today)
    {
        var errors = new FieldErrors();
        if (!CodeLabels.IsDefined<ClosureReason>((int)closure.Reason))
        {
            errors.Add("reason", "请选择终止原因：1 死亡、2 迁出、3 失访");
        }
        if (closure.ClosedOn is not DateOnly on)
        {
            errors.Add("closedOn", "请填写终止日期");
        }
        else if (on > today)
        {
            errors.Add("closedOn", "终止日期不能晚于今天");
        }
        else if (on < birthDate)
        {
            errors.Add("closedOn", "终止日期不能早于出生日期");
        }
        if (closure.Reason == ClosureReason.MovedOut)
        {
            if (string.IsNullOrWhiteSpace(closure.Destination))
            {
                errors.Add("destination", "迁出须填写迁往地点");
            }
            if (string.IsNullOrWhiteSpace(closure.HandOver))
            {
                errors.Add("handOver", "迁出须填写档案交接情况");
            }
        }
        return errors;
    }
}
