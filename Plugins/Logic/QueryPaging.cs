using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Domain;

namespace PropertyCrm.Plugins.Logic;

/// <summary>
/// The one way a query is paged, after DLaB's <c>OrganizationServiceExtensions.GetAllEntities</c>: a page request of at
/// most 5,000 rows (the platform's limit), and for a full read the paging cookie and <c>MoreRecords</c> of each result
/// carried into the next request, so no empty query is spent after the last page.
/// </summary>
public static class QueryPaging
{
    /// <summary>The most rows Dataverse returns in one page.</summary>
    public const int MaxPageSize = 5_000;

    /// <summary>The request for the first page of <paramref name="pageSize"/> rows (1 to <see cref="MaxPageSize"/>).</summary>
    public static PagingInfo FirstPage(int pageSize) =>
        new() { Count = Guard.InRange(pageSize, 1, MaxPageSize, nameof(pageSize)), PageNumber = 1 };

    /// <summary>
    /// Every row of <paramref name="query"/>, read in pages of <paramref name="pageSize"/>; each page is yielded as it
    /// arrives, and the next is requested only when the previous said there are more. The query's paging is set here.
    /// </summary>
    public static IEnumerable<Entity> RetrieveAll(this IOrganizationService service, QueryExpression query, int pageSize = MaxPageSize)
    {
        Guard.NotNull(service, nameof(service));
        Guard.NotNull(query, nameof(query));
        query.PageInfo = FirstPage(pageSize);
        return RetrieveAllPages(service, query);
    }

    private static IEnumerable<Entity> RetrieveAllPages(IOrganizationService service, QueryExpression query)
    {
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            foreach (var row in page.Entities)
            {
                yield return row;
            }

            if (!page.MoreRecords)
            {
                yield break;
            }

            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
    }
}
