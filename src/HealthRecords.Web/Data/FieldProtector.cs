using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthRecords.Web.Data;

/// <summary>
/// Encrypts ID numbers and phones at rest and computes their keyed hashes for exact lookup (docs/architecture.md,
/// "Sensitive fields"). AES-256-GCM with a random nonce per value, stored as <c>enc1:</c> + base64(nonce | tag |
/// ciphertext); HMAC-SHA256 of the normalised value for the lookup columns. Both keys come from a key file outside
/// the database (<see cref="KeyFileName"/> in <c>DataProtection:KeysPath</c>), created on first start.
/// A value without the marker is plaintext written before encryption existed: it is read as it is.
/// </summary>
public sealed class FieldProtector
{
    public const string Marker = "enc1:";
    public const string KeyFileName = "field-keys.json";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _lookupKey;

    private FieldProtector(byte[] encryptionKey, byte[] lookupKey, FieldProtector? previous = null)
    {
        _encryptionKey = encryptionKey;
        _lookupKey = lookupKey;
        // A public fingerprint of the keys (not the keys): lets EF keep one model per key set in one process.
        KeyId = Convert.ToHexString(SHA256.HashData([.. encryptionKey, .. lookupKey])[..8]);
        Previous = previous;
    }

    private FieldProtector(KeyFile file)
        : this(Convert.FromBase64String(file.EncryptionKey), Convert.FromBase64String(file.LookupKey),
            file.Previous is { } p ? new FieldProtector(p with { Previous = null }) : null)
    {
    }

    /// <summary>The fingerprint of the current key (the one every write uses).</summary>
    public string KeyId { get; }

    /// <summary>
    /// While a field key rotation is under way (<see cref="Features.Keys.FieldKeyRotation"/>): the key being retired,
    /// still used to read values not yet re-encrypted and to find records by their old lookup hashes. Null otherwise.
    /// </summary>
    public FieldProtector? Previous { get; }

    /// <summary>Tells key sets apart for EF's model cache (the current key and, during a rotation, the previous one).</summary>
    public string CacheKey => Previous is null ? KeyId : KeyId + "+" + Previous.KeyId;

    /// <summary>The key directory: <c>DataProtection:KeysPath</c>, else <c>keys</c> beside the SQLite file, else <c>data/keys</c>.</summary>
    public static string KeysDirectory(IConfiguration config)
    {
        if (config["DataProtection:KeysPath"] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }
        if (!DatabaseSetup.IsPostgres(config))
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
                config.GetConnectionString("HealthRecords") ?? "Data Source=data/healthrecords.db").DataSource;
            if (source is { Length: > 0 } && source != ":memory:")
            {
                return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".", "keys");
            }
        }
        return Path.GetFullPath(Path.Combine("data", "keys"));
    }

    /// <summary>
    /// The host's keys: the key file of the configured directory, or, when there is none yet, new random keys that are
    /// written only once the start-up check has seen that the database holds nothing encrypted under another key
    /// (<see cref="PersistNewKeys"/>, <see cref="Features.Keys.FieldKeyGuard"/>).
    /// </summary>
    public static FieldProtector FromConfiguration(IConfiguration config)
    {
        var directory = KeysDirectory(config);
        var path = Path.Combine(directory, KeyFileName);
        if (File.Exists(path))
        {
            return Read(path);
        }
        var created = NewKeyFile();
        return new FieldProtector(created) { pending = (path, created), KeyFilePath = path };
    }

    /// <summary>Loads the key file from the directory, creating the directory and a new random key file if there is none (tools and tests).</summary>
    public static FieldProtector FromDirectory(string directory)
    {
        var path = Path.Combine(directory, KeyFileName);
        if (!File.Exists(path))
        {
            try
            {
                Write(path, NewKeyFile());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        return Read(path);
    }

    private (string Path, KeyFile File)? pending;

    /// <summary>The key file, whether it exists yet or not.</summary>
    public string? KeyFilePath { get; private init; }

    /// <summary>The keys are new: no key file existed when the host started, and none has been written yet.</summary>
    public bool IsNew => pending is not null;

    /// <summary>Writes new keys to their file (owner-only, in an owner-only directory). Fails if a file appeared meanwhile.</summary>
    public void PersistNewKeys()
    {
        if (pending is not { } p)
        {
            return;
        }
        Write(p.Path, p.File);
        pending = null;
    }

    private static KeyFile NewKeyFile() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>
    /// Starts a rotation: replaces the key file (atomically) by one whose current key is new and whose previous key is
    /// the file's current one. A file that already has a previous key is a rotation under way: returned as it is.
    /// </summary>
    public static FieldProtector BeginRotation(string path)
    {
        var file = ReadFile(path);
        if (file.Previous is null)
        {
            file = NewKeyFile() with { Previous = file };
            Replace(path, file);
        }
        return new FieldProtector(file) { KeyFilePath = path };
    }

    /// <summary>
    /// Ends a rotation: keeps the previous key in <paramref name="retiredPath"/> (owner-only, for backups taken before
    /// the rotation) and replaces the key file by one with the current key only. Does nothing without a previous key.
    /// </summary>
    public static void EndRotation(string path, string retiredPath)
    {
        var file = ReadFile(path);
        if (file.Previous is not { } previous)
        {
            return;
        }
        if (!File.Exists(retiredPath))
        {
            Write(retiredPath, previous);
        }
        Replace(path, file with { Previous = null });
    }

    /// <summary>Writes a key file beside the target, then renames it over the target: a crash leaves the old or the new file.</summary>
    private static void Replace(string path, KeyFile file)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        Write(temporary, file);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>This protector without its previous key: what the key file holds once a rotation is done.</summary>
    public FieldProtector WithoutPrevious() =>
        Previous is null ? this : new FieldProtector(_encryptionKey, _lookupKey) { KeyFilePath = KeyFilePath };

    private static void Write(string path, KeyFile file)
    {
        Features.Keys.OwnerOnly.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, file);
    }

    /// <summary>Reads a key file (tools, tests, the rotation command).</summary>
    public static FieldProtector Read(string path) => new(ReadFile(path)) { KeyFilePath = path };

    private static KeyFile ReadFile(string path) =>
        JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"The field key file {path} is empty.");

    public static bool IsProtected(string? stored) => stored is not null && stored.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>Encrypts a value (a new nonce each time, so equal values differ in the database).</summary>
    public string Protect(string plain)
    {
        if (IsProtected(plain))
        {
            return plain;
        }
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[NonceSize + TagSize + data.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Marker + Convert.ToBase64String(output);
    }

    /// <summary>Decrypts a stored value; plaintext from before encryption is returned unchanged.</summary>
    public string Unprotect(string stored)
    {
        if (!IsProtected(stored))
        {
            return stored;
        }
        var input = Convert.FromBase64String(stored[Marker.Length..]);
        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        try
        {
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain);
        }
        catch (AuthenticationTagMismatchException) when (Previous is not null)
        {
            // A rotation is under way and this value has not been re-encrypted yet.
            return Previous.Unprotect(stored);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new InvalidOperationException(
                $"A stored value was encrypted with another key than {KeyFileName} (key id {KeyId}): restore the key directory from the backup.", e);
        }
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The keyed hash for exact lookup of an ID number (trimmed, upper case) or phone (trimmed); null for no value.</summary>
    public byte[]? Hash(string? value)
    {
        var normalized = value?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(normalized) ? null : HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(normalized));
    }

    /// <summary>The lookup hash under the previous key while a rotation is under way (rows not yet moved carry it); else null.</summary>
    public byte[]? PreviousHash(string? value) => Previous?.Hash(value);

    /// <summary>The JSON properties (any depth, camelCase as stored) whose string values are encrypted inside documents.</summary>
    public static readonly IReadOnlySet<string> SensitiveJsonProperties = new HashSet<string>(["idNumber", "phone", "contactPhone"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Encrypts (or decrypts) the sensitive string properties of a JSON document, wherever they are in it.</summary>
    public string ProtectJson(string json) => TransformJson(json, Protect);

    public string UnprotectJson(string json) => json.Contains(Marker, StringComparison.Ordinal) ? TransformJson(json, Unprotect) : json;

    private static string TransformJson(string json, Func<string, string> transform)
    {
        var node = JsonNode.Parse(json);
        Walk(node, transform);
        return node?.ToJsonString() ?? json;
    }

    private static void Walk(JsonNode? node, Func<string, string> transform)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o.ToList())
                {
                    if (SensitiveJsonProperties.Contains(name) && value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        o[name] = transform(s);
                    }
                    else
                    {
                        Walk(value, transform);
                    }
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Walk(item, transform);
                }
                break;
        }
    }

    private sealed record KeyFile(string EncryptionKey, string LookupKey, KeyFile? Previous = null);
}
