namespace HealthRecords.Domain.Codes;

/// <summary>性别 (004 附件3 个人基本信息表; GB/T 2261.1).</summary>
public enum Sex
{
    [Label("未知的性别")] Unknown = 0,
    [Label("男")] Male = 1,
    [Label("女")] Female = 2,
    [Label("未说明的性别")] Unspecified = 9,
}
