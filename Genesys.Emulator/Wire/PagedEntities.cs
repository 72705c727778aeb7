namespace VideoEngager.Genesys.Emulator.Wire;

/// <summary>The platform's entity listing envelope.</summary>
internal sealed record PagedEntities<T>(IReadOnlyList<T> Entities, int PageSize, int PageNumber, int Total, int PageCount)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 500;

    public static PagedEntities<T> Page(IReadOnlyList<T> all, int pageSize, int pageNumber)
    {
        var pageCount = (all.Count + pageSize - 1) / pageSize;
        return new([.. all.Skip((pageNumber - 1) * pageSize).Take(pageSize)], pageSize, pageNumber, all.Count, pageCount);
    }
}
