namespace HealthRecords.Domain.Regions;

/// <summary>The kind of a village segment of the record number (004 附件3 填表说明).</summary>
public enum VillageKind
{
    [Label("无效")] Invalid = 0,
    [Label("居民委员会")] ResidentsCommittee = 1,
    [Label("村民委员会")] VillageCommittee = 2,
    [Label("其他")] Other = 9,
}

/// <summary>乡镇级区划的类别.</summary>
public enum TownshipKind
{
    [Label("街道")] Subdistrict = 1,
    [Label("镇")] Town = 2,
    [Label("乡")] Township = 3,
    [Label("其他")] Other = 9,
}
