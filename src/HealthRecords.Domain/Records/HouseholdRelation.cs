namespace HealthRecords.Domain.Records;

/// <summary>与户主关系 (GB/T 4761 家庭关系代码, its one-digit groups).</summary>
public enum HouseholdRelation
{
    [Label("户主")] Head = 0,
    [Label("配偶")] Spouse = 1,
    [Label("子")] Son = 2,
    [Label("女")] Daughter = 3,
    [Label("孙子女或外孙子女")] Grandchild = 4,
    [Label("父母")] Parent = 5,
    [Label("祖父母或外祖父母")] Grandparent = 6,
    [Label("兄弟姐妹")] Sibling = 7,
    [Label("其他")] Other = 9,
}
