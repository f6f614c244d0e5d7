using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A page of records returned by RetrieveMultiple, with paging information.</summary>
    public sealed class EntityCollection
    {
        private DataCollection<Entity> _entities;
        private bool _moreRecords;
        private string _pagingCookie;
        private int _totalRecordCount;
        private bool _totalRecordCountLimitExceeded;
        private string _entityName;

        public EntityCollection()
        {
        }

        /// <summary>Copies the given records.</summary>
        public EntityCollection(IList<Entity> list)
        {
            _entities = new DataCollection<Entity>(list);
        }

        /// <summary>The records; created empty on first access.</summary>
        public DataCollection<Entity> Entities
        {
            get { return _entities ?? (_entities = new DataCollection<Entity>()); }
        }

        public bool MoreRecords
        {
            get { return _moreRecords; }
            set { _moreRecords = value; }
        }

        public string PagingCookie
        {
            get { return _pagingCookie; }
            set { _pagingCookie = value; }
        }

        public int TotalRecordCount
        {
            get { return _totalRecordCount; }
            set { _totalRecordCount = value; }
        }

        public bool TotalRecordCountLimitExceeded
        {
            get { return _totalRecordCountLimitExceeded; }
            set { _totalRecordCountLimitExceeded = value; }
        }

        /// <summary>The record at the index in Entities.</summary>
        public Entity this[int index]
        {
            get { return Entities[index]; }
            set { Entities[index] = value; }
        }

        public string EntityName
        {
            get { return _entityName; }
            set { _entityName = value; }
        }
    }
}
