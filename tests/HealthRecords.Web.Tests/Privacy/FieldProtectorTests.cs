using HealthRecords.Web.Data;

namespace HealthRecords.Web.Tests.Privacy;

/// <summary>The field encryption and lookup hash themselves, with a real key file in a temp directory.</summary>
public sealed class FieldProtectorTests : IDisposable
{
    private readonly string _keys = Directory.CreateTempSubdirectory("hr-keys-").FullName;

    public void Dispose() => Directory.Delete(_keys, recursive: true);

    [Fact]
    public void EncryptsWithAFreshNonceEachTimeAndDecryptsBack()
    {
        var protector = FieldProtector.FromDirectory(_keys);
        var first = protector.Protect("50010419600308001X");
        var second = protector.Protect("50010419600308001X");

        Assert.StartsWith(FieldProtector.Marker, first);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("19600308", first);
        Assert.Equal("50010419600308001X", protector.Unprotect(first));
        Assert.Equal("13800001111", protector.Unprotect("13800001111")); // plaintext from before encryption reads as it is
    }

    [Fact]
    public void LookupHashIsTheSameForTheSameNormalisedValueAndDiffersUnderAnotherKey()
    {
        var protector = FieldProtector.FromDirectory(_keys);
        Assert.Equal(protector.Hash("50010419600308001X"), protector.Hash(" 50010419600308001x "));
        Assert.NotEqual(protector.Hash("13800001111"), protector.Hash("13800001112"));
        Assert.Null(protector.Hash("  "));

        var other = Directory.CreateTempSubdirectory("hr-keys-").FullName;
        try
        {
            var stranger = FieldProtector.FromDirectory(other);
            Assert.NotEqual(protector.Hash("13800001111"), stranger.Hash("13800001111"));
            var error = Assert.Throws<InvalidOperationException>(() => stranger.Unprotect(protector.Protect("13800001111")));
            Assert.Contains(FieldProtector.KeyFileName, error.Message);
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void KeyFileIsCreatedOnceReadableOnlyByItsOwnerAndReused()
    {
        var first = FieldProtector.FromDirectory(_keys);
        var file = Path.Combine(_keys, FieldProtector.KeyFileName);
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        var again = FieldProtector.FromDirectory(_keys);
        Assert.Equal(first.KeyId, again.KeyId);
        Assert.Equal("13800001111", again.Unprotect(first.Protect("13800001111")));
    }

    [Fact]
    public void JsonDocumentsHaveOnlyTheirSensitivePropertiesEncrypted()
    {
        var protector = FieldProtector.FromDirectory(_keys);
        const string json = """{"name":"张三","idNumber":"50010419600308001X","personalInfo":{"phone":"13800001111","contactPhone":"13900002222","pastDiseases":[{"code":2}]}}""";

        var stored = protector.ProtectJson(json);

        Assert.Equal("张三", (string?)System.Text.Json.Nodes.JsonNode.Parse(stored)!["name"]);
        Assert.Contains("\"pastDiseases\":[{\"code\":2}]", stored);
        foreach (var secret in new[] { "50010419600308001X", "13800001111", "13900002222" })
        {
            Assert.DoesNotContain(secret, stored);
        }
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString(), protector.UnprotectJson(stored));
    }
}
