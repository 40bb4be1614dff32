using HealthRecords.Domain.Records;

namespace HealthRecords.Domain.Tests.Records;

public sealed class RecordClosureRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateOnly Born = new(1950, 1, 1);

    [Theory]
    [InlineData(ClosureReason.Death)]
    [InlineData(ClosureReason.LostToFollowUp)]
    public void DeathAndLostToFollowUpNeedOnlyADate(ClosureReason reason) =>
        Assert.Empty(RecordClosureRules.Validate(new RecordClosure(reason, Today, null, null, null), Born, Today));

    [Fact]
    public void EveryClosureNeedsADate()
    {
        var errors = RecordClosureRules.Validate(new RecordClosure(ClosureReason.Death, null, null, null, null), Born, Today);
        Assert.Equal("请填写终止日期", Assert.Single(errors["closedOn"]));
    }

    [Fact]
    public void ClosureDateCannotBeInTheFuture()
    {
        var errors = RecordClosureRules.Validate(new RecordClosure(ClosureReason.Death, Today.AddDays(1), null, null, null), Born, Today);
        Assert.Contains("晚于今天", errors["closedOn"][0]);
    }

    [Fact]
    public void ClosureDateCannotBeBeforeBirth()
    {
        var errors = RecordClosureRules.Validate(new RecordClosure(ClosureReason.Death, Born.AddDays(-1), null, null, null), Born, Today);
        Assert.Contains("出生日期", errors["closedOn"][0]);
    }

    [Fact]
    public void MovingOutNeedsDestinationAndHandOver()
    {
        var errors = RecordClosureRules.Validate(new RecordClosure(ClosureReason.MovedOut, Today, " ", null, null), Born, Today);
        Assert.True(errors.ContainsKey("destination"));
        Assert.True(errors.ContainsKey("handOver"));
        Assert.Empty(RecordClosureRules.Validate(new RecordClosure(ClosureReason.MovedOut, Today, "四川省成都市", "纸质档案已交接", null), Born, Today));
    }

    [Fact]
    public void UnknownReasonIsRefused()
    {
        var errors = RecordClosureRules.Validate(new RecordClosure((ClosureReason)7, Today, null, null, null), Born, Today);
        Assert.True(errors.ContainsKey("reason"));
    }
}
