using System;
using System.Linq;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A reference to a record: table logical name plus id (or alternate-key values).</summary>
    public sealed class EntityReference
    {
        private Guid _id;
        private string _logicalName;
        private string _name;
        private KeyAttributeCollection _keyAttributes;
        private string _rowVersion;

        public EntityReference()
        {
        }

        public EntityReference(string logicalName)
        {
            _logicalName = logicalName;
        }

        public EntityReference(string logicalName, Guid id)
        {
            _logicalName = logicalName;
            _id = id;
        }

        /// <summary>A reference by one alternate-key value (added to KeyAttributes).</summary>
        public EntityReference(string logicalName, string keyName, object keyValue)
        {
            _logicalName = logicalName;
            KeyAttributes.Add(keyName, keyValue);
        }

        /// <summary>A reference by alternate-key values (the collection is used as given).</summary>
        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
        {
            _logicalName = logicalName;
            _keyAttributes = keyAttributeCollection;
        }

        public Guid Id
        {
            get { return _id; }
            set { _id = value; }
        }

        public string LogicalName
        {
            get { return _logicalName; }
            set { _logicalName = value; }
        }

        /// <summary>The primary-name value of the referenced record, when the platform supplies it. Not part of equality.</summary>
        public string Name
        {
            get { return _name; }
            set { _name = value; }
        }

        /// <summary>Alternate-key values; created empty on first access.</summary>
        public KeyAttributeCollection KeyAttributes
        {
            get { return _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection()); }
            set { _keyAttributes = value; }
        }

        public string RowVersion
        {
            get { return _rowVersion; }
            set { _rowVersion = value; }
        }

        /// <summary>
        /// Equal when Id and LogicalName (ordinal, case-sensitive) are equal and both hold the same
        /// key attributes. Name and RowVersion are ignored.
        /// </summary>
        public override bool Equals(object obj)
        {
            var other = obj as EntityReference;
            if (other == null)
            {
                return false;
            }

            if (ReferenceEquals(this, other))
            {
                return true;
            }

            return _id.Equals(other._id)
                && string.Compare(_logicalName, other._logicalName, StringComparison.Ordinal) == 0
                && KeyAttributes.Count == other.KeyAttributes.Count
                && KeyAttributes.Intersect(other.KeyAttributes).Count() == KeyAttributes.Count;
        }

        /// <summary>From LogicalName and Id; from the key attributes when LogicalName is null or empty.</summary>
        public override int GetHashCode()
        {
            if (!string.IsNullOrEmpty(_logicalName))
            {
                return _logicalName.GetHashCode() ^ _id.GetHashCode();
            }

            var hash = 0;
            foreach (var pair in KeyAttributes)
            {
                if (!string.IsNullOrEmpty(pair.Key))
                {
                    hash ^= pair.Key.GetHashCode() ^ (pair.Value == null ? 0 : pair.Value.GetHashCode());
                }
            }

            return hash;
        }
    }
}
