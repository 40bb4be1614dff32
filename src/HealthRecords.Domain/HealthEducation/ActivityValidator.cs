namespace HealthRecords.Domain.HealthEducation;

/// <summary>
/// Checks a 健康教育活动记录表 and a bulletin board: required lines, codes, counts that cannot be negative, materials
/// that fit the form, dates not in the future. Errors are keyed by the record's JSON path with Chinese messages.
/// </summary>
public static class ActivityValidator
{
    /// <summary>The most people one activity is believed to reach (a county's square event).</summary>
    public const int MaxAudience = 100_000;

    public static IReadOnlyDictionary<string, string[]> Validate(HealthEducationActivity a, DateOnly today, IReadOnlyCollection<BulletinBoard>? boards = null)
    {
        var e = new FieldErrors();
        if (a.Date is null)
        {
            e.Add("date", "请填写活动时间");
        }
        e.NotFuture("date", a.Date, today, "活动时间");
        e.Range("durationMinutes", a.DurationMinutes, 1, 24 * 60, "活动时长", "分钟");
        e.RequiredText("place", a.Place, "活动地点", 100);
        e.Required("form", a.Form, "活动形式");
        e.RequiredText("topic", a.Topic, "活动主题", 100);
        foreach (var c in a.Contents)
        {
            e.Coded("contents", (EducationContent?)c, "健康教育内容");
        }
        e.RequiredText("organiser", a.Organiser, "组织者", 50);
        foreach (var c in a.AudienceCategories)
        {
            e.Coded("audienceCategories", (AudienceCategory?)c, "接受健康教育人员类别");
        }
        e.OtherText("audienceOther", a.AudienceCategories.Contains(AudienceCategory.Other), a.AudienceOther, "接受健康教育人员类别");
        Audience(e, a);
        Materials(e, a);
        Boards(e, a, boards);
        e.OptionalText("content", a.Content, "活动内容", 4000);
        e.OptionalText("evaluation", a.Evaluation, "活动总结评价", 2000);
        foreach (var m in a.ArchivedMaterials)
        {
            e.Coded("archivedMaterials", (ArchivedMaterial?)m, "存档材料");
        }
        e.OtherText("archivedOther", a.ArchivedMaterials.Contains(ArchivedMaterial.Other), a.ArchivedOther, "存档材料");
        e.RequiredText("filledBy", a.FilledBy, "填表人", 30);
        e.OptionalText("responsiblePerson", a.ResponsiblePerson, "负责人", 30);
        e.NotFuture("filledOn", a.FilledOn, today, "填表时间");
        if (a.FilledOn is DateOnly filled && a.Date is DateOnly held && filled < held)
        {
            e.Add("filledOn", "填表时间不能早于活动时间");
        }
        return e;
    }

    // issue #20, bad input: a lecture with a negative audience
    private static void Audience(FieldErrors e, HealthEducationActivity a)
    {
        if (a.AudienceCount is < 0)
        {
            e.Add("audienceCount", "接受健康教育人数不能为负数");
        }
        else if (a.AudienceCount > MaxAudience)
        {
            e.Add("audienceCount", $"接受健康教育人数{a.AudienceCount}不可能，请核对");
        }
        // 004 健康教育 五(四): 讲座和咨询活动的参加人数 is a measure — it must be given
        if (a.Form is ActivityForm.Lecture or ActivityForm.ConsultationEvent or ActivityForm.Individual && a.AudienceCount is null or 0)
        {
            e.Add("audienceCount", "请填写接受健康教育人数");
        }
        if (a.Form is ActivityForm.Lecture or ActivityForm.ConsultationEvent && a.AudienceCategories.Count == 0)
        {
            e.Add("audienceCategories", "请选择接受健康教育人员类别");
        }
    }

    private static void Materials(FieldErrors e, HealthEducationActivity a)
    {
        for (var i = 0; i < a.Materials.Count; i++)
        {
            var m = a.Materials[i];
            e.Coded($"materials[{i}].kind", (MaterialKind?)m.Kind, "资料种类");
            e.RequiredText($"materials[{i}].title", m.Title, "资料名称", 100);
            if (m.Quantity < 1)
            {
                e.Add($"materials[{i}].quantity", m.Kind == MaterialKind.AudioVideo ? "播放次数至少为1" : "发放数量至少为1");
            }
            else
            {
                e.Range($"materials[{i}].quantity", (int?)m.Quantity, 1, MaxAudience, m.Kind == MaterialKind.AudioVideo ? "播放次数" : "发放数量", "");
            }
        }
        // 004 健康教育 二(二)1: 印刷资料的种类 / 音像资料的种类 are counted from these lines
        if (a.Form == ActivityForm.PrintedMaterial && !a.Materials.Any(m => m.IsPrinted))
        {
            e.Add("materials", "发放印刷资料的活动，请填写发放的印刷资料名称和数量");
        }
        if (a.Form == ActivityForm.AudioVideo)
        {
            if (!a.Materials.Any(m => m.Kind == MaterialKind.AudioVideo))
            {
                e.Add("materials", "播放音像资料的活动，请填写播放的音像资料名称和次数");
            }
            if (a.DurationMinutes is null)
            {
                e.Add("durationMinutes", "请填写播放时间（分钟）");
            }
        }
    }

    private static void Boards(FieldErrors e, HealthEducationActivity a, IReadOnlyCollection<BulletinBoard>? boards)
    {
        if (a.Form != ActivityForm.BulletinBoard)
        {
            if (a.BoardIds.Count > 0)
            {
                e.Add("boardIds", "只有更换宣传栏内容的活动才选择宣传栏");
            }
            return;
        }
        if (a.BoardIds.Count == 0)
        {
            e.Add("boardIds", "请选择更换了内容的宣传栏");
        }
        if (boards is null)
        {
            return;
        }
        foreach (var id in a.BoardIds)
        {
            var board = boards.FirstOrDefault(b => b.Id == id);
            if (board is null)
            {
                e.Add("boardIds", "所选宣传栏不属于本机构");
            }
            else if (a.Date is DateOnly d && !BulletinBoards.Stands(board, d))
            {
                e.Add("boardIds", $"{board.Name}在活动时间未设置或已撤除");
            }
        }
    }

    /// <summary>Checks a bulletin board: name, place, area and height with units, dates in order.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(BulletinBoard b, DateOnly today)
    {
        var e = new FieldErrors();
        e.RequiredText("name", b.Name, "宣传栏名称", 50);
        e.RequiredText("location", b.Location, "设置位置", 100);
        if (b.AreaSquareMetres <= 0 || b.AreaSquareMetres > 100)
        {
            e.Add("areaSquareMetres", $"面积{b.AreaSquareMetres}平方米不可能，应在0–100平方米之间，请核对");
        }
        e.Range("centreHeightMetres", b.CentreHeightMetres, 0.5m, 3m, "中心位置距地面高度", "米");
        e.NotFuture("setUpOn", b.SetUpOn, today, "设置日期");
        e.NotFuture("removedOn", b.RemovedOn, today, "撤除日期");
        if (b.RemovedOn is DateOnly removed && removed < b.SetUpOn)
        {
            e.Add("removedOn", "撤除日期不能早于设置日期");
        }
        return e;
    }

    /// <summary>
    /// Advice on a board that does not stop it being saved: smaller than 2 m² (it does not count toward the minimum)
    /// or its centre not at 1.5–1.6 m.
    /// </summary>
    // 004 健康教育 二(二)2: 每个宣传栏的面积不少于2平方米 … 中心位置距地面1.5~1.6米高
    public static IReadOnlyDictionary<string, string[]> Advice(BulletinBoard b)
    {
        var e = new FieldErrors();
        if (b.AreaSquareMetres > 0 && b.AreaSquareMetres < BulletinBoards.MinimumAreaSquareMetres)
        {
            e.Add("areaSquareMetres", "面积不足2平方米，不计入宣传栏个数");
        }
        if (b.CentreHeightMetres is not null && !BulletinBoards.HeightAsSpecified(b))
        {
            e.Add("centreHeightMetres", "规范要求宣传栏中心位置距地面1.5~1.6米");
        }
        return e;
    }
}
