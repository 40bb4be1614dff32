using System.Buffers.Binary;
using System.Security.Cryptography;

namespace HealthRecords.Web.Features.Backup;

/// <summary>
/// Optional encryption of backup files with a key of the operator's (<c>Backup:EncryptionKeyFile</c>: a file holding 32
/// random bytes in base64, e.g. <c>head -c 32 /dev/urandom | base64 &gt; backup.key</c>; keep it apart from the backups).
/// AES-256-GCM in 1 MiB chunks, each authenticated with its index and whether it is the last, so a changed, reordered or
/// truncated file does not decrypt. Format: "HRBKENC1", then per chunk: nonce (12) | length (4, big-endian) | tag (16) | data.
/// </summary>
public sealed class BackupEncryption
{
    public static readonly byte[] Magic = "HRBKENC1"u8.ToArray();
    private const int ChunkSize = 1 << 20;
    private readonly byte[] key;

    private BackupEncryption(byte[] key) => this.key = key;

    /// <summary>The configured key, or null when backups are not encrypted.</summary>
    public static BackupEncryption? FromConfiguration(IConfiguration config)
    {
        if (config["Backup:EncryptionKeyFile"] is not { Length: > 0 } file)
        {
            return null;
        }
        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new BackupException($"Backup:EncryptionKeyFile {file} cannot be read as a base64 key: {e.Message}");
        }
        return key.Length == 32 ? new BackupEncryption(key) : throw new BackupException($"Backup:EncryptionKeyFile {file} must hold 32 bytes in base64 (it holds {key.Length}).");
    }

    public static bool IsEncrypted(string file)
    {
        var head = new byte[Magic.Length];
        using var stream = File.OpenRead(file);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.AsSpan().SequenceEqual(Magic);
    }

    public async Task EncryptAsync(string plainFile, string encryptedFile, CancellationToken ct)
    {
        await using var input = File.OpenRead(plainFile);
        await using var output = new FileStream(encryptedFile, FileMode.Create, FileAccess.Write);
        await output.WriteAsync(Magic, ct);
        using var aes = new AesGcm(key, 16);
        var plain = new byte[ChunkSize];
        var next = new byte[ChunkSize];
        var length = await input.ReadAtLeastAsync(plain, ChunkSize, throwOnEndOfStream: false, ct);
        for (long index = 0; ; index++)
        {
            var nextLength = length == ChunkSize ? await input.ReadAtLeastAsync(next, ChunkSize, throwOnEndOfStream: false, ct) : 0;
            var last = nextLength == 0;
            var header = new byte[12 + 4 + 16];
            RandomNumberGenerator.Fill(header.AsSpan(0, 12));
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12, 4), length);
            var cipher = new byte[length];
            aes.Encrypt(header.AsSpan(0, 12), plain.AsSpan(0, length), cipher, header.AsSpan(16, 16), Associated(index, last));
            await output.WriteAsync(header, ct);
            await output.WriteAsync(cipher, ct);
            if (last)
            {
                break;
            }
            (plain, next) = (next, plain);
            length = nextLength;
        }
    }

    /// <summary>Decrypts into <paramref name="plainFile"/> (owner-only); a wrong key or any damage throws <see cref="BackupException"/>.</summary>
    public async Task DecryptAsync(string encryptedFile, string plainFile, CancellationToken ct)
    {
        await using var input = File.OpenRead(encryptedFile);
        Keys.OwnerOnly.CreateEmptyFile(plainFile);
        await using var output = new FileStream(plainFile, FileMode.Truncate, FileAccess.Write);
        input.Position = Magic.Length;
        using var aes = new AesGcm(key, 16);
        var header = new byte[32];
        for (long index = 0; ; index++)
        {
            if (await input.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct) < header.Length)
            {
                throw new BackupException("the encrypted backup ends before its last part: truncated");
            }
            var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(12, 4));
            if (length is < 0 or > ChunkSize)
            {
                throw new BackupException("the encrypted backup is damaged (a part's length is invalid)");
            }
            var cipher = new byte[length];
            if (await input.ReadAtLeastAsync(cipher, length, throwOnEndOfStream: false, ct) < length)
            {
                throw new BackupException("the encrypted backup is truncated");
            }
            var last = input.Position == input.Length;
            var plain = new byte[length];
            try
            {
                aes.Decrypt(header.AsSpan(0, 12), cipher, header.AsSpan(16, 16), plain, Associated(index, last));
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new BackupException("the encrypted backup does not decrypt with Backup:EncryptionKeyFile: another key, or the file was changed or truncated");
            }
            await output.WriteAsync(plain, ct);
            if (last)
            {
                return;
            }
        }
    }

    private static byte[] Associated(long index, bool last)
    {
        var data = new byte[9];
        BinaryPrimitives.WriteInt64BigEndian(data, index);
        data[8] = last ? (byte)1 : (byte)0;
        return data;
    }
}
