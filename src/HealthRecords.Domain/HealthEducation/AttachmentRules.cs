namespace HealthRecords.Domain.HealthEducation;

/// <summary>The kinds of file a record may keep as an attachment.</summary>
public enum AttachmentKind
{
    [Label("图片")] Image = 1,
    [Label("PDF文档")] Pdf = 2,
    [Label("Word/Excel文档")] OfficeDocument = 3,
    [Label("视频")] Video = 4,
    [Label("音频")] Audio = 5,
}

/// <summary>The result of checking an upload: its kind when accepted, else the Chinese reason.</summary>
public sealed record AttachmentCheck(AttachmentKind? Kind, string? Error)
{
    public bool Accepted => Error is null;
}

/// <summary>
/// The rules the host applies to an attachment before storing it (issue #20: the archived materials of a health
/// education activity — photos, sign-in sheets, documents — and the photos of a supervision patrol are uploaded and
/// kept with the record, size and type checked): the extension must be one we keep, the file's first bytes must be
/// what the extension says, and the size within the kind's limit. The host reads the first
/// <see cref="HeaderBytes"/> bytes and the length, calls <see cref="Check"/>, and stores the file outside the
/// database rows with its checksum. Shared by the health education and health supervision records.
/// </summary>
public static class AttachmentRules
{
    /// <summary>How many leading bytes <see cref="Check"/> needs.</summary>
    public const int HeaderBytes = 12;

    private const long MB = 1024 * 1024;

    /// <summary>The size limit of each kind.</summary>
    public static readonly IReadOnlyDictionary<AttachmentKind, long> MaxBytes = new Dictionary<AttachmentKind, long>
    {
        [AttachmentKind.Image] = 10 * MB,
        [AttachmentKind.Pdf] = 20 * MB,
        [AttachmentKind.OfficeDocument] = 20 * MB,
        [AttachmentKind.Video] = 200 * MB,
        [AttachmentKind.Audio] = 50 * MB,
    };

    private static readonly IReadOnlyDictionary<string, AttachmentKind> Extensions = new Dictionary<string, AttachmentKind>(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = AttachmentKind.Image,
        [".jpeg"] = AttachmentKind.Image,
        [".png"] = AttachmentKind.Image,
        [".pdf"] = AttachmentKind.Pdf,
        [".docx"] = AttachmentKind.OfficeDocument,
        [".xlsx"] = AttachmentKind.OfficeDocument,
        [".mp4"] = AttachmentKind.Video,
        [".mp3"] = AttachmentKind.Audio,
    };

    /// <summary>The attachment kinds each 存档材料 box accepts.</summary>
    public static IReadOnlyList<AttachmentKind> AllowedFor(ArchivedMaterial material) => material switch
    {
        ArchivedMaterial.Pictures => [AttachmentKind.Image],
        ArchivedMaterial.SignInSheet => [AttachmentKind.Image, AttachmentKind.Pdf],
        ArchivedMaterial.Written => [AttachmentKind.Pdf, AttachmentKind.OfficeDocument, AttachmentKind.Image],
        ArchivedMaterial.Printed => [AttachmentKind.Pdf, AttachmentKind.Image],
        ArchivedMaterial.AudioVisual => [AttachmentKind.Video, AttachmentKind.Audio, AttachmentKind.Image],
        _ => Enum.GetValues<AttachmentKind>(),
    };

    /// <summary>
    /// Checks one upload: its name's extension, its leading bytes and its length, against what the record may keep
    /// (<paramref name="allowed"/>; every kind when null).
    /// </summary>
    public static AttachmentCheck Check(string? fileName, long length, ReadOnlySpan<byte> head, IReadOnlyCollection<AttachmentKind>? allowed = null)
    {
        allowed ??= Enum.GetValues<AttachmentKind>();
        var accepted = string.Join("、", allowed.Select(Names));
        var extension = Path.GetExtension(fileName ?? "");
        if (!Extensions.TryGetValue(extension, out var kind) || !allowed.Contains(kind))
        {
            return Refuse($"只能上传{accepted}");
        }
        if (length <= 0)
        {
            return Refuse("文件是空的，请重新选择");
        }
        if (!Looks(kind, extension, head))
        {
            return Refuse($"文件内容与扩展名{extension.ToLowerInvariant()}不符，请上传真实的{kind.Label()}文件");
        }
        var max = MaxBytes[kind];
        if (length > max)
        {
            return Refuse($"文件过大：{kind.Label()}不能超过 {max / MB} MB");
        }
        return new AttachmentCheck(kind, null);
    }

    /// <summary>A photo (patrol and activity photos): JPG or PNG only.</summary>
    public static AttachmentCheck CheckPhoto(string? fileName, long length, ReadOnlySpan<byte> head) =>
        Check(fileName, length, head, [AttachmentKind.Image]);

    /// <summary>An attachment filed under one 存档材料 box.</summary>
    public static AttachmentCheck Check(string? fileName, long length, ReadOnlySpan<byte> head, ArchivedMaterial material) =>
        Check(fileName, length, head, AllowedFor(material).ToArray());

    private static AttachmentCheck Refuse(string error) => new(null, error);

    private static string Names(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Image => "JPG、PNG 图片",
        AttachmentKind.Pdf => "PDF 文档",
        AttachmentKind.OfficeDocument => "Word/Excel 文档（docx、xlsx）",
        AttachmentKind.Video => "MP4 视频",
        AttachmentKind.Audio => "MP3 音频",
        _ => kind.Label(),
    };

    /// <summary>The file's leading bytes (its signature) match the extension.</summary>
    private static bool Looks(AttachmentKind kind, string extension, ReadOnlySpan<byte> h) => kind switch
    {
        AttachmentKind.Image when extension.Equals(".png", StringComparison.OrdinalIgnoreCase) =>
            h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        AttachmentKind.Image => h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        AttachmentKind.Pdf => h.StartsWith("%PDF-"u8),
        AttachmentKind.OfficeDocument => h.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]),
        AttachmentKind.Video => h.Length >= 8 && h[4..8].SequenceEqual("ftyp"u8),
        AttachmentKind.Audio => h.StartsWith("ID3"u8) || (h.Length >= 2 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0),
        _ => false,
    };
}
