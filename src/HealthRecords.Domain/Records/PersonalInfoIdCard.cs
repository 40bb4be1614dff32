namespace HealthRecords.Domain.Records;

/// <summary>
/// What a resident ID number says about the person (GB 11643: the birth date, and the sex by the order code's parity)
/// and how the personal information form must agree with it. The API, the page and the validator all use these.
/// </summary>
public static class PersonalInfoIdCard
{
    /// <summary>
    /// 004 附件3 填表说明 3 (出生日期根据居民身份证的出生日期填写): with a valid resident ID number, a birth date or sex
    /// left out is taken from the number. What was given is kept (a contradiction is reported, never overwritten).
    /// </summary>
    public static PersonalInfo Fill(PersonalInfo info, DateOnly today)
    {
        if (info.IdDocumentType != IdDocumentType.ResidentIdCard || IdCardNumber.Check(info.IdNumber, today) is not { IsValid: true } check)
        {
            return info;
        }
        return info with
        {
            BirthDate = info.BirthDate == default ? check.BirthDate!.Value : info.BirthDate,
            Sex = info.Sex ?? check.Sex,
        };
    }

    /// <summary>The birth date contradicts the valid ID number: the message to show beside it, or null.</summary>
    public static string? BirthDateConflict(PersonalInfo info, IdCardCheck check) =>
        check.IsValid && info.BirthDate != default && check.BirthDate != info.BirthDate
            ? string.Create(CultureInfo.InvariantCulture, $"出生日期与身份证号不一致（身份证为 {check.BirthDate:yyyy-MM-dd}）")
            : null;

    /// <summary>
    /// The sex contradicts the valid ID number, the message or null. The number states the sex, so 0 未知的性别 and
    /// 9 未说明的性别 contradict it too (GB/T 2261.1 keeps them for a sex that cannot be told or is not stated).
    /// </summary>
    public static string? SexConflict(PersonalInfo info, IdCardCheck check) =>
        check.IsValid && info.Sex is { } sex && sex != check.Sex
            ? $"性别与身份证号不一致（身份证为{check.Sex!.Value.Label()}）"
            : null;
}
