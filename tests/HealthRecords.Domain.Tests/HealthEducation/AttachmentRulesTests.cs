using HealthRecords.Domain.HealthEducation;

namespace HealthRecords.Domain.Tests.HealthEducation;

public sealed class AttachmentRulesTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];
    private static readonly byte[] Pdf = "%PDF-1.7\n%âã"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0];
    private static readonly byte[] Mp4 = [0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6F, 0x6D];
    private static readonly byte[] Mp3 = "ID3\u0004\0\0\0\0\0\0\0\0"u8.ToArray();

    [Theory]
    [InlineData("讲座照片.jpg", AttachmentKind.Image)]
    [InlineData("签到表.PNG", AttachmentKind.Image)]
    [InlineData("总结.pdf", AttachmentKind.Pdf)]
    [InlineData("方案.docx", AttachmentKind.OfficeDocument)]
    [InlineData("宣传片.mp4", AttachmentKind.Video)]
    [InlineData("广播.mp3", AttachmentKind.Audio)]
    public void KeptKindsAreAccepted(string name, AttachmentKind kind)
    {
        var head = kind switch
        {
            AttachmentKind.Image => name.EndsWith("PNG", StringComparison.Ordinal) ? Png : Jpeg,
            AttachmentKind.Pdf => Pdf,
            AttachmentKind.OfficeDocument => Zip,
            AttachmentKind.Video => Mp4,
            _ => Mp3,
        };
        var check = AttachmentRules.Check(name, 1000, head);
        Assert.True(check.Accepted, check.Error);
        Assert.Equal(kind, check.Kind);
    }

    [Fact]
    public void AnotherTypeIsRefused() =>
        Assert.Equal("只能上传JPG、PNG 图片、PDF 文档、Word/Excel 文档（docx、xlsx）、MP4 视频、MP3 音频", AttachmentRules.Check("病毒.exe", 1000, Zip).Error);

    [Fact]
    public void AFileWhoseContentIsNotItsExtensionIsRefused() =>
        Assert.Equal("文件内容与扩展名.jpg不符，请上传真实的图片文件", AttachmentRules.Check("照片.jpg", 1000, Pdf).Error);

    [Fact]
    public void ATooLargeFileIsRefused()
    {
        Assert.Equal("文件过大：图片不能超过 10 MB", AttachmentRules.Check("照片.jpg", 10 * 1024 * 1024 + 1, Jpeg).Error);
        Assert.True(AttachmentRules.Check("照片.jpg", 10 * 1024 * 1024, Jpeg).Accepted);
        Assert.True(AttachmentRules.Check("宣传片.mp4", 150L * 1024 * 1024, Mp4).Accepted);
    }

    [Fact]
    public void AnEmptyFileIsRefused() => Assert.Equal("文件是空的，请重新选择", AttachmentRules.Check("照片.jpg", 0, []).Error);

    [Fact]
    public void EachArchivedMaterialBoxTakesItsKinds()
    {
        Assert.True(AttachmentRules.Check("签到表.pdf", 1000, Pdf, ArchivedMaterial.SignInSheet).Accepted);
        Assert.Equal("只能上传JPG、PNG 图片", AttachmentRules.Check("照片.pdf", 1000, Pdf, ArchivedMaterial.Pictures).Error);
        Assert.False(AttachmentRules.CheckPhoto("巡查.mp4", 1000, Mp4).Accepted);
        Assert.True(AttachmentRules.CheckPhoto("巡查.jpeg", 1000, Jpeg).Accepted);
    }
}
