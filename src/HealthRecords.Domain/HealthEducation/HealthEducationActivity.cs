namespace HealthRecords.Domain.HealthEducation;

/// <summary>
/// 健康教育活动记录表 (004 健康教育 附件), every field: one activity of the institution — materials handed out or
/// played, a bulletin board's new content, a consultation event, a lecture, or individual education. The archived
/// materials themselves (photos, sign-in sheets, documents) are attachments the host stores beside the record; the
/// record ticks which kinds are attached.
/// </summary>
public sealed record HealthEducationActivity
{
    /// <summary>活动时间.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>How long it lasted, in minutes: for audio-video the playing time (考核指标(二) 播放时间).</summary>
    public int? DurationMinutes { get; init; }
    /// <summary>活动地点.</summary>
    public string? Place { get; init; }
    /// <summary>活动形式.</summary>
    public ActivityForm? Form { get; init; }
    /// <summary>活动主题 (free text).</summary>
    public string? Topic { get; init; }
    /// <summary>The topic's items of 004 健康教育 二(一)1–7, if any (multi-select).</summary>
    public IReadOnlyList<EducationContent> Contents { get; init; } = [];
    /// <summary>Has traditional Chinese medicine content (004 健康教育 四(七): 应有一定比例的中医药内容).</summary>
    public bool TcmContent { get; init; }
    /// <summary>组织者.</summary>
    public string? Organiser { get; init; }
    /// <summary>接受健康教育人员类别.</summary>
    public IReadOnlyList<AudienceCategory> AudienceCategories { get; init; } = [];
    /// <summary>接受健康教育人员类别 其他: the text.</summary>
    public string? AudienceOther { get; init; }
    /// <summary>接受健康教育人数.</summary>
    public int? AudienceCount { get; init; }
    /// <summary>健康教育资料发放种类及数量: each kind with its title and count.</summary>
    public IReadOnlyList<MaterialGiven> Materials { get; init; } = [];
    /// <summary>For a bulletin board update: the institution's boards whose content was changed.</summary>
    public IReadOnlyList<long> BoardIds { get; init; } = [];
    /// <summary>活动内容.</summary>
    public string? Content { get; init; }
    /// <summary>活动总结评价.</summary>
    public string? Evaluation { get; init; }
    /// <summary>存档材料请附后: the kinds attached.</summary>
    public IReadOnlyList<ArchivedMaterial> ArchivedMaterials { get; init; } = [];
    /// <summary>存档材料 其他材料: what.</summary>
    public string? ArchivedOther { get; init; }
    /// <summary>填表人（签字）.</summary>
    public string? FilledBy { get; init; }
    /// <summary>负责人（签字）.</summary>
    public string? ResponsiblePerson { get; init; }
    /// <summary>填表时间.</summary>
    public DateOnly? FilledOn { get; init; }
}

/// <summary>
/// One line of 健康教育资料发放种类及数量: the kind, the title (one title is one 种 of 004's "种类"), and the count —
/// copies for printed material, times played for audio-video, pieces for other items.
/// </summary>
public sealed record MaterialGiven(MaterialKind Kind, string Title, int Quantity)
{
    /// <summary>Printed material: 折页, 处方, 手册 and other printed items (004 健康教育 二(二)1(1)).</summary>
    public bool IsPrinted => Kind is MaterialKind.Leaflet or MaterialKind.Prescription or MaterialKind.Handbook or MaterialKind.OtherPrinted;

    /// <summary>The title compared when counting kinds: trimmed, without inner spaces and 《》, case-folded.</summary>
    public string TitleKey => new string(Title.Where(ch => !char.IsWhiteSpace(ch) && ch is not ('《' or '》')).ToArray()).ToUpperInvariant();
}

/// <summary>A stored activity: its id (for the records behind a figure) and the form.</summary>
public sealed record ActivityRow(long Id, HealthEducationActivity Activity);

/// <summary>
/// Individual education given during another service (the 健康指导 ticks of the follow-up, examination and other
/// forms): counted with the institution's individual education (issue #20).
/// </summary>
/// <param name="Date">The service's date.</param>
/// <param name="Service">The service key ("hypertension", "examination" …).</param>
/// <param name="SourceId">The stored form it comes from.</param>
public sealed record IndividualEducation(DateOnly Date, string Service, long SourceId);
