using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace HealthRecords.Web.Features.Demo;

/// <summary>One household to load: its row and its members' records (with their name keys), the head among them.</summary>
public sealed record HouseholdRows(Household Household, IReadOnlyList<HealthRecord> Members);

/// <summary>
/// Writes many new households and records at once, bypassing the change tracker: binary <c>COPY</c> on PostgreSQL,
/// prepared parameterised <c>INSERT</c>s on SQLite, all in one transaction. The loader assigns the ids (the tables are
/// locked meanwhile and the identity sequences moved past them afterwards), links each household to its head, and
/// raises each village's <see cref="RecordNumberSequence"/> to the highest sequence it loaded. Columns come from the
/// EF model, so a column the model gains is loaded too, through the model's value converters (so ID numbers and phones
/// are encrypted as EF would write them). Generating the next batch overlaps writing the current one.
/// </summary>
public static class BulkLoader
{
    /// <summary>Loads every batch; returns the number of records written.</summary>
    public static async Task<int> LoadAsync(HealthRecordsDbContext db, IEnumerable<IReadOnlyList<HouseholdRows>> batches, CancellationToken ct)
    {
        var postgres = db.IsPostgres;
        var households = Table.Of<Household>(db);
        var records = Table.Of<HealthRecord>(db);
        var keys = Table.Of<NameSearchKey>(db);
        var protector = db.Protector(); // the bulk path bypasses SaveChanges, so it stamps the lookup hashes itself
        var sequences = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var connection = db.Database.GetDbConnection();
            var transaction = tx.GetDbTransaction();
            if (postgres)
            {
                await ExecuteAsync(connection, transaction, $"""LOCK TABLE {households.Quoted}, {records.Quoted}, {keys.Quoted} IN SHARE ROW EXCLUSIVE MODE""", ct);
            }
            var nextHousehold = await FirstFreeIdAsync(connection, transaction, households, postgres, ct);
            var nextRecord = await FirstFreeIdAsync(connection, transaction, records, postgres, ct);
            await using var sqlite = postgres ? null : new SqliteInserts(connection, transaction, households, records, keys);

            await foreach (var batch in Produce(batches, ct))
            {
                foreach (var (household, members) in batch)
                {
                    household.Id = nextHousehold++;
                    household.HeadId = null;
                    foreach (var member in members)
                    {
                        member.Id = nextRecord++;
                        member.HouseholdId = household.Id;
                        member.IdNumberHash = protector.Hash(member.IdNumber);
                        member.PhoneHash = protector.Hash(member.Phone);
                        if (member.RelationToHead == HouseholdRelation.Head && household.HeadId is null)
                        {
                            household.HeadId = member.Id;
                        }
                        foreach (var key in member.NameKeys)
                        {
                            key.HealthRecordId = member.Id;
                        }
                        var sequence = int.Parse(member.RecordNumber.AsSpan(member.RecordNumber.Length - 5), CultureInfo.InvariantCulture);
                        if (!sequences.TryGetValue(member.VillageCode, out var last) || sequence > last)
                        {
                            sequences[member.VillageCode] = sequence;
                        }
                        count++;
                    }
                }
                if (sqlite is not null)
                {
                    await sqlite.WriteAsync(batch, ct);
                }
                else
                {
                    var npgsql = (NpgsqlConnection)connection;
                    await CopyAsync(npgsql, households, batch.Select(h => (object)h.Household), ct);
                    await CopyAsync(npgsql, records, batch.SelectMany(h => h.Members), ct);
                    await CopyAsync(npgsql, keys, batch.SelectMany(h => h.Members).SelectMany(m => m.NameKeys), ct);
                }
            }

            if (postgres)
            {
                await ExecuteAsync(connection, transaction, households.SetSequenceSql(), ct);
                await ExecuteAsync(connection, transaction, records.SetSequenceSql(), ct);
            }
            await RaiseSequencesAsync(connection, transaction, sequences, postgres, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return count;
    }

    /// <summary>Enumerates the batches on another thread, two ahead, so generating overlaps writing.</summary>
    private static async IAsyncEnumerable<IReadOnlyList<HouseholdRows>> Produce(
        IEnumerable<IReadOnlyList<HouseholdRows>> batches, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<IReadOnlyList<HouseholdRows>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var batch in batches)
                {
                    await channel.Writer.WriteAsync(batch, stop.Token);
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
            {
                yield return batch;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, Table table, IEnumerable<object> rows, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(table.CopySql(), ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                var value = column.Read(row);
                if (value is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(value, column.DataTypeName, ct);
                }
            }
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>The first id above both the rows present and anything the identity sequence already issued.</summary>
    private static async Task<long> FirstFreeIdAsync(DbConnection connection, DbTransaction transaction, Table table, bool postgres, CancellationToken ct)
    {
        var sql = postgres
            ? $"""SELECT GREATEST((SELECT COALESCE(MAX("Id"), 0) + 1 FROM {table.Quoted}), nextval(pg_get_serial_sequence('{table.Quoted}', 'Id')))"""
            : $"""
              SELECT MAX((SELECT COALESCE(MAX("Id"), 0) FROM {table.Quoted}),
                         COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table.Name}'), 0)) + 1
              """;
        try
        {
            return Convert.ToInt64(await ScalarAsync(connection, transaction, sql, ct), CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException) when (!postgres)
        {
            // No AUTOINCREMENT table has been written yet, so sqlite_sequence does not exist.
            return Convert.ToInt64(await ScalarAsync(connection, transaction, $"""SELECT COALESCE(MAX("Id"), 0) + 1 FROM {table.Quoted}""", ct), CultureInfo.InvariantCulture);
        }
    }

    private static async Task RaiseSequencesAsync(DbConnection connection, DbTransaction transaction, Dictionary<string, int> sequences, bool postgres, CancellationToken ct)
    {
        var greatest = postgres ? "GREATEST" : "MAX";
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO "RecordNumberSequences" ("VillageCode", "LastSequence") VALUES (@village, @last)
            ON CONFLICT ("VillageCode") DO UPDATE SET "LastSequence" = {greatest}("RecordNumberSequences"."LastSequence", excluded."LastSequence")
            """;
        var village = AddParameter(command, "@village");
        var last = AddParameter(command, "@last");
        foreach (var (code, sequence) in sequences)
        {
            village.Value = code;
            last.Value = sequence;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>One column of a table: its name, its store type, and how to read its provider value from an entity.</summary>
    private sealed record Column(string Name, string DataTypeName, Func<object, object?> Read);

    /// <summary>A table's columns in the EF model, each with a compiled getter and the model's value converter.</summary>
    private sealed record Table(string Name, IReadOnlyList<Column> Columns)
    {
        public string Quoted => $"\"{Name}\"";

        public static Table Of<T>(HealthRecordsDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
            var name = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var columns = entity.GetProperties()
                .Where(p => p.GetColumnName(store) is not null)
                .Select(p => ColumnOf(p, p.GetColumnName(store)!))
                .ToList();
            return new Table(name, columns);
        }

        private static Column ColumnOf(IProperty property, string name)
        {
            var getter = property.GetGetter();
            var mapping = property.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            // "character varying(17)" -> "character varying": the binary format does not depend on the facets.
            var storeType = mapping.StoreType;
            var paren = storeType.IndexOf('(', StringComparison.Ordinal);
            var dataType = paren < 0 ? storeType : storeType[..paren].TrimEnd();
            Func<object, object?> read = converter is null
                ? getter.GetClrValueUsingContainingEntity
                : entity => getter.GetClrValueUsingContainingEntity(entity) is { } value ? converter.ConvertToProvider(value) : null;
            return new Column(name, dataType, read);
        }

        public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));

        public string CopySql() => $"COPY {Quoted} ({ColumnList}) FROM STDIN (FORMAT BINARY)";

        public string InsertSql() =>
            $"INSERT INTO {Quoted} ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";

        public string SetSequenceSql() =>
            $"""SELECT setval(pg_get_serial_sequence('{Quoted}', 'Id'), (SELECT COALESCE(MAX("Id"), 1) FROM {Quoted}))""";
    }

    /// <summary>SQLite: one prepared INSERT per table, reused for every row.</summary>
    private sealed class SqliteInserts : IAsyncDisposable
    {
        private readonly (DbCommand Command, Table Table)[] _inserts;

        public SqliteInserts(DbConnection connection, DbTransaction transaction, params Table[] tables)
        {
            _inserts = tables.Select(table =>
            {
                var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = table.InsertSql();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    AddParameter(command, $"@p{i}");
                }
                command.Prepare();
                return (command, table);
            }).ToArray();
        }

        public async Task WriteAsync(IReadOnlyList<HouseholdRows> batch, CancellationToken ct)
        {
            foreach (var (household, members) in batch)
            {
                await InsertAsync(_inserts[0], household, ct);
                foreach (var member in members)
                {
                    await InsertAsync(_inserts[1], member, ct);
                    foreach (var key in member.NameKeys)
                    {
                        await InsertAsync(_inserts[2], key, ct);
                    }
                }
            }
        }

        private static async Task InsertAsync((DbCommand Command, Table Table) insert, object row, CancellationToken ct)
        {
            var columns = insert.Table.Columns;
            for (var i = 0; i < columns.Count; i++)
            {
                insert.Command.Parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
            }
            await insert.Command.ExecuteNonQueryAsync(ct);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var (command, _) in _inserts)
            {
                await command.DisposeAsync();
            }
        }
    }
}
