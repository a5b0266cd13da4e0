using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using NewsIngest.Extraction.Templates;

namespace NewsIngest.Ingestion.State;

/// <summary><see cref="ISiteTemplateStore"/> in the state file: table <c>site_template_pages</c> (migration <c>SiteTemplatePages</c>).</summary>
public sealed partial class SqliteStateStore
{
    public Task<IReadOnlyList<PageSample>> GetTemplatePagesAsync(string site, CancellationToken cancellationToken) =>
        WithGateAsync<IReadOnlyList<PageSample>>(async () =>
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT page_key, content_key, blocks FROM site_template_pages WHERE site = $site ORDER BY seq;";
            command.Parameters.AddWithValue("$site", site);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var pages = new List<PageSample>();
            while (await reader.ReadAsync(cancellationToken))
            {
                pages.Add(new PageSample(reader.GetString(0), reader.GetString(1), Unpack((byte[])reader.GetValue(2))));
            }

            return pages;
        }, cancellationToken);

    /// <summary>
    /// Committed with <c>synchronous = NORMAL</c>, like a visit that writes no record: the window is derived data, so
    /// a power cut may forget its newest pages (learned again when they are fetched again) and never costs a page an
    /// fsync of its own; the next record commit's fsync makes it durable.
    /// </summary>
    public Task SaveTemplatePageAsync(string site, PageSample page, int capacity, CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            await SetSynchronousAsync("NORMAL", cancellationToken);
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            var command = _writes.Get(SaveTemplatePageSql, transaction);
            PreparedCommands.Parameter(command, "$site").Value = site;
            PreparedCommands.Parameter(command, "$page").Value = page.PageKey;
            PreparedCommands.Parameter(command, "$content").Value = page.ContentKey;
            PreparedCommands.Parameter(command, "$blocks", SqliteType.Blob).Value = Pack(page.Blocks);
            PreparedCommands.Parameter(command, "$capacity").Value = capacity;
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);

    private const string SaveTemplatePageSql = """
        INSERT OR REPLACE INTO site_template_pages (site, page_key, content_key, blocks, seq)
        VALUES ($site, $page, $content, $blocks,
                COALESCE((SELECT MAX(seq) FROM site_template_pages WHERE site = $site), 0) + 1);
        DELETE FROM site_template_pages WHERE site = $site AND seq <= COALESCE(
            (SELECT seq FROM site_template_pages WHERE site = $site ORDER BY seq DESC LIMIT 1 OFFSET $capacity), 0);
        """;

    private static byte[] Pack(IReadOnlyList<ulong> blocks)
    {
        var bytes = new byte[blocks.Count * sizeof(ulong)];
        for (var i = 0; i < blocks.Count; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), blocks[i]);
        }

        return bytes;
    }

    private static ulong[] Unpack(byte[] bytes)
    {
        var blocks = new ulong[bytes.Length / sizeof(ulong)];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)));
        }

        return blocks;
    }
}
