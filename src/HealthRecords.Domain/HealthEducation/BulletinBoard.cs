namespace HealthRecords.Domain.HealthEducation;

/// <summary>
/// 健康教育宣传栏: one board of the institution (004 健康教育 二(二)2). Its updates are the activities of form
/// <see cref="ActivityForm.BulletinBoard"/> that name it.
/// </summary>
/// <param name="Id">The stored board.</param>
/// <param name="Name">What the staff call it ("门诊大厅宣传栏").</param>
/// <param name="Location">Where it stands (户外、健康教育室、候诊室、输液室、收费大厅 …).</param>
/// <param name="AreaSquareMetres">面积, m².</param>
/// <param name="CentreHeightMetres">中心位置距地面高度, m.</param>
/// <param name="SetUpOn">设置日期.</param>
/// <param name="RemovedOn">撤除日期, if removed.</param>
public sealed record BulletinBoard(
    long Id,
    string Name,
    string Location,
    decimal AreaSquareMetres,
    decimal? CentreHeightMetres,
    DateOnly SetUpOn,
    DateOnly? RemovedOn = null);

/// <summary>One change of a board's content: when, the topic, and the activity that recorded it.</summary>
public sealed record BoardUpdate(long BoardId, DateOnly Date, string Topic, bool TcmContent, long ActivityId);

/// <summary>The rules of 004 健康教育 二(二)2 for bulletin boards.</summary>
public static class BulletinBoards
{
    /// <summary>每个宣传栏的面积不少于2平方米.</summary>
    public const decimal MinimumAreaSquareMetres = 2m;

    /// <summary>宣传栏中心位置距地面1.5~1.6米高.</summary>
    public const decimal CentreHeightFrom = 1.5m, CentreHeightTo = 1.6m;

    /// <summary>每2个月最少更换1次.</summary>
    public const int UpdateEveryMonths = 2;

    /// <summary>
    /// The boards a tier must have: 2 for a township hospital or community centre, 1 for a village clinic or station.
    /// </summary>
    // 004 健康教育 二(二)2: 乡镇卫生院和社区卫生服务中心宣传栏不少于2个，村卫生室和社区卫生服务站宣传栏不少于1个
    public static int Required(InstitutionTier tier) => tier == InstitutionTier.Centre ? 2 : 1;

    /// <summary>A board counts toward the minimum on a day when it is at least 2 m² and stands on that day.</summary>
    // 004 健康教育 二(二)2: 每个宣传栏的面积不少于2平方米
    public static bool Counts(BulletinBoard board, DateOnly day) => board.AreaSquareMetres >= MinimumAreaSquareMetres && Stands(board, day);

    /// <summary>The board is set up and not removed on the day.</summary>
    public static bool Stands(BulletinBoard board, DateOnly day) => board.SetUpOn <= day && (board.RemovedOn is null || board.RemovedOn >= day);

    /// <summary>The board's centre is at the height the specification gives (advice shown beside the field, not a refusal).</summary>
    // 004 健康教育 二(二)2: 宣传栏中心位置距地面1.5~1.6米高
    public static bool HeightAsSpecified(BulletinBoard board) =>
        board.CentreHeightMetres is decimal h && h >= CentreHeightFrom && h <= CentreHeightTo;

    /// <summary>The updates recorded by the institution's activities, per board.</summary>
    public static IReadOnlyList<BoardUpdate> Updates(IEnumerable<ActivityRow> activities) =>
        activities
            .Where(a => a.Activity.Form == ActivityForm.BulletinBoard && a.Activity.Date is not null)
            .SelectMany(a => a.Activity.BoardIds.Distinct().Select(b => new BoardUpdate(b, a.Activity.Date!.Value, a.Activity.Topic ?? "", a.Activity.TcmContent, a.Id)))
            .OrderBy(u => u.Date)
            .ToArray();

    /// <summary>
    /// The day a board's content must be changed next: 2 months after its last change on or before
    /// <paramref name="today"/>, or after it was set up when it has none.
    /// </summary>
    // 004 健康教育 二(二)2: 每个机构每2个月最少更换1次健康教育宣传栏内容 — judged per board (see EducationMinimums)
    public static DateOnly NextUpdateDue(BulletinBoard board, IEnumerable<BoardUpdate> updates, DateOnly today)
    {
        var last = updates.Where(u => u.BoardId == board.Id && u.Date <= today).Select(u => (DateOnly?)u.Date).Max();
        return (last is DateOnly l && l > board.SetUpOn ? l : board.SetUpOn).AddMonths(UpdateEveryMonths);
    }

    /// <summary>The boards' next changes as work-list items, for the boards that count today.</summary>
    public static IReadOnlyList<ScheduleItem> Due(IEnumerable<BulletinBoard> boards, IReadOnlyCollection<BoardUpdate> updates, DateOnly today) =>
        boards.Where(b => Counts(b, today))
            .Select(b => ScheduleItem.On("board-update", $"更换宣传栏内容：{b.Name}", NextUpdateDue(b, updates, today), sourceId: b.Id))
            .ToArray();
}
