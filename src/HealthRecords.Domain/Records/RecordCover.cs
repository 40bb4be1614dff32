namespace HealthRecords.Domain.Records;

/// <summary>
/// 居民健康档案封面 (004 附件2): the fields of its own. The rest of the cover — 编号, 姓名, 联系电话,
/// 乡镇(街道)名称, 村(居)委会名称, 建档单位, 建档人, 责任医生, 建档日期 — is held by the record itself.
/// </summary>
public sealed record RecordCover
{
    /// <summary>现住址.</summary>
    public string? CurrentAddress { get; init; }
    /// <summary>户籍地址.</summary>
    public string? RegisteredAddress { get; init; }
}
