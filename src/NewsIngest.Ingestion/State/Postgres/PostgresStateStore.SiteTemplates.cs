using System.Runtime.InteropServices;
using NewsIngest.Extraction.Templates;
using Npgsql;

namespace NewsIngest.Ingestion.State.Postgres;

/// <summary><see cref="ISiteTemplateStore"/> in the table <c>site_template_pages</c>: blocks as little-endian 64-bit values, as SQLite keeps them.</summary>
public sealed partial class PostgresStateStore
{
    public async Task<IReadOnlyList<PageSample>> GetTemplatePagesAsync(string site, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT page_key, content_key, blocks FROM site_template_pages WHERE site = $1 ORDER BY seq");
        command.Parameters.Add(PgValues.Text(site));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pages = new List<PageSample>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pages.Add(new PageSample(reader.GetString(0), reader.GetString(1), Unpack(reader.GetFieldValue<byte[]>(2))));
        }

        return pages;
    }

    /// <summary>
    /// One transaction holding the site's advisory lock, so two workers learning one site number its pages in turn
    /// (the newest is always the highest) and each trim keeps exactly <paramref name="capacity"/>.
    /// </summary>
    public Task SaveTemplatePageAsync(string site, PageSample page, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        return InTransactionAsync(async (connection, transaction) =>
        {
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    PgValues.BatchCommand("SELECT pg_advisory_xact_lock(hashtext('newsingest template ' || $1))", PgValues.Text(site)),
                    PgValues.BatchCommand(
                        """
                        INSERT INTO site_template_pages (site, page_key, content_key, blocks, seq)
                        VALUES ($1, $2, $3, $4, coalesce((SELECT max(seq) FROM site_template_pages WHERE site = $1), 0) + 1)
                        ON CONFLICT (site, page_key) DO UPDATE SET content_key = EXCLUDED.content_key, blocks = EXCLUDED.blocks, seq = EXCLUDED.seq
                        """,
                        PgValues.Text(site), PgValues.Text(page.PageKey), PgValues.Text(page.ContentKey), PgValues.Bytes(Pack(page.Blocks))),
                    PgValues.BatchCommand(
                        """
                        DELETE FROM site_template_pages WHERE site = $1 AND seq <= coalesce(
                            (SELECT seq FROM site_template_pages WHERE site = $1 ORDER BY seq DESC LIMIT 1 OFFSET $2), 0)
                        """,
                        PgValues.Text(site), PgValues.Int(capacity)),
                },
            };
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    private static byte[] Pack(IReadOnlyList<ulong> blocks) => MemoryMarshal.AsBytes(blocks.ToArray().AsSpan()).ToArray();

    private static ulong[] Unpack(byte[] bytes) => MemoryMarshal.Cast<byte, ulong>(bytes).ToArray();
}
