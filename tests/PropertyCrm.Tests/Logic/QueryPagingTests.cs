using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using PropertyCrm.Plugins.Logic;
using PropertyCrm.Schema.Tables;

namespace PropertyCrm.Tests.Logic;

public sealed class QueryPagingTests
{
    [Theory]
    [InlineData(0, 2, 1)] // an empty result costs one query
    [InlineData(4, 2, 2)] // the last full page says no more: no empty query after it
    [InlineData(5, 2, 3)]
    [InlineData(5, 5_000, 1)]
    public void RetrieveAll_Rows_OneQueryPerPageCarryingTheCookie(int rows, int pageSize, int queries)
    {
        var service = new PagedService(rows);

        var read = service.RetrieveAll(new QueryExpression(ContactTable.LogicalName), pageSize).ToList();

        Assert.Equal(rows, read.Count);
        Assert.Equal(queries, service.Requests.Count);
        Assert.All(service.Requests, r => Assert.Equal(pageSize, r.Count));
        Assert.Equal(Enumerable.Range(1, queries), service.Requests.Select(r => r.PageNumber));
        Assert.Equal(Enumerable.Range(0, queries).Select(p => p == 0 ? null : "cookie" + (p + 1)), service.Requests.Select(r => r.PagingCookie));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5_001)]
    public void FirstPage_SizeOutsidePlatformLimit_Throws(int pageSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QueryPaging.FirstPage(pageSize));
    }

    [Fact]
    public void FirstPage_Size_FirstPageWithoutCookie()
    {
        var page = QueryPaging.FirstPage(500);

        Assert.Equal(500, page.Count);
        Assert.Equal(1, page.PageNumber);
        Assert.Null(page.PagingCookie);
    }

    /// <summary>Serves <c>rows</c> contacts in pages, recording each page request as it arrived.</summary>
    private sealed class PagedService : IOrganizationService
    {
        private readonly int rows;

        public PagedService(int rows)
        {
            this.rows = rows;
        }

        public List<(int Count, int PageNumber, string? PagingCookie)> Requests { get; } = new();

        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            var paging = ((QueryExpression)query).PageInfo;
            Requests.Add((paging.Count, paging.PageNumber, paging.PagingCookie));
            var skip = (paging.PageNumber - 1) * paging.Count;
            var page = Enumerable.Range(skip, Math.Max(0, Math.Min(paging.Count, rows - skip)))
                .Select(_ => new Entity(ContactTable.LogicalName, Guid.NewGuid()))
                .ToList();
            return new EntityCollection(page) { MoreRecords = skip + page.Count < rows, PagingCookie = "cookie" + (paging.PageNumber + 1) };
        }

        public Guid Create(Entity entity) => throw new NotSupportedException();

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new NotSupportedException();

        public void Update(Entity entity) => throw new NotSupportedException();

        public void Delete(string entityName, Guid id) => throw new NotSupportedException();

        public OrganizationResponse Execute(OrganizationRequest request) => throw new NotSupportedException();

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();
    }
}
