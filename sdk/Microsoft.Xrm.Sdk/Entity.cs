using System;
using System.Globalization;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A record of a Dataverse table (late-bound): logical name, id and attribute values.</summary>
    public class Entity
    {
        private string _logicalName;
        private Guid _id;
        private AttributeCollection _attributes;
        private EntityState? _entityState;
        private FormattedValueCollection _formattedValues;
        private string _rowVersion;
        private KeyAttributeCollection _keyAttributes;

        public Entity()
            : this((string)null)
        {
        }

        public Entity(string entityName)
        {
            _logicalName = entityName;
        }

        public Entity(string entityName, Guid id)
        {
            _logicalName = entityName;
            _id = id;
        }

        /// <summary>A record identified by one alternate-key value (added to KeyAttributes).</summary>
        public Entity(string entityName, string keyName, object keyValue)
        {
            _logicalName = entityName;
            KeyAttributes.Add(keyName, keyValue);
        }

        /// <summary>A record identified by alternate-key values (the collection is used as given).</summary>
        public Entity(string entityName, KeyAttributeCollection keyAttributes)
        {
            _logicalName = entityName;
            _keyAttributes = keyAttributes;
        }

        public string LogicalName
        {
            get { return _logicalName; }
            set { _logicalName = value; }
        }

        /// <summary>
        /// The record's id. As in the genuine SDK the setter only stores the id: it does not write the
        /// primary-key attribute (e.g. "accountid") into Attributes; early-bound classes override Id for that.
        /// </summary>
        public virtual Guid Id
        {
            get { return _id; }
            set { _id = value; }
        }

        /// <summary>The attribute values; created empty on first access.</summary>
        public AttributeCollection Attributes
        {
            get { return _attributes ?? (_attributes = new AttributeCollection()); }
            set { _attributes = value; }
        }

        public EntityState? EntityState
        {
            get { return _entityState; }
            set { _entityState = value; }
        }

        /// <summary>Display strings of attribute values, as the platform returns them; created empty on first access.</summary>
        public FormattedValueCollection FormattedValues
        {
            get { return _formattedValues ?? (_formattedValues = new FormattedValueCollection()); }
            internal set { _formattedValues = value; }
        }

        public string RowVersion
        {
            get { return _rowVersion; }
            set { _rowVersion = value; }
        }

        /// <summary>Alternate-key values; created empty on first access.</summary>
        public KeyAttributeCollection KeyAttributes
        {
            get { return _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection()); }
            set { _keyAttributes = value; }
        }

        /// <summary>
        /// Get: the attribute's value; throws KeyNotFoundException when the entity has no such attribute.
        /// Set: adds the attribute or replaces its value.
        /// </summary>
        public object this[string attributeName]
        {
            get { return Attributes[attributeName]; }
            set { Attributes[attributeName] = value; }
        }

        /// <summary>Whether the entity has a value (possibly null) for the attribute.</summary>
        public bool Contains(string attributeName)
        {
            return Attributes.Contains(attributeName);
        }

        /// <summary>
        /// A copy typed as T that shares this entity's collections (a shallow copy). T must be Entity or
        /// carry an EntityLogicalNameAttribute naming this entity's LogicalName.
        /// </summary>
        public T ToEntity<T>()
            where T : Entity
        {
            if (typeof(T) == typeof(Entity))
            {
                var copy = new Entity();
                ShallowCopyTo(copy);
                return (T)copy;
            }

            if (string.IsNullOrWhiteSpace(_logicalName))
            {
                throw new NotSupportedException("LogicalName must be set before calling ToEntity()");
            }

            string logicalName = null;
            var attributes = typeof(T).GetCustomAttributes(typeof(EntityLogicalNameAttribute), true);
            if (attributes != null && attributes.Length > 0)
            {
                logicalName = ((EntityLogicalNameAttribute)attributes[0]).LogicalName;
            }

            if (string.IsNullOrWhiteSpace(logicalName))
            {
                throw new NotSupportedException("Cannot convert to type that is does not have EntityLogicalNameAttribute");
            }

            if (_logicalName != logicalName)
            {
                throw new NotSupportedException(string.Format(CultureInfo.InvariantCulture, "Cannot convert entity {0} to {1}", _logicalName, logicalName));
            }

            var entity = (T)Activator.CreateInstance(typeof(T));
            ShallowCopyTo(entity);
            return entity;
        }

        /// <summary>A reference to this record: LogicalName, Id and RowVersion (not the key attributes).</summary>
        public EntityReference ToEntityReference()
        {
            return new EntityReference(LogicalName, Id) { RowVersion = RowVersion };
        }

        /// <summary>
        /// The attribute's value as T; default(T) when the entity has no such attribute or its value is null.
        /// Throws ArgumentNullException for a null or blank name and InvalidCastException when the value is
        /// not a T.
        /// </summary>
        public virtual T GetAttributeValue<T>(string attributeLogicalName)
        {
            var value = GetAttributeValue(attributeLogicalName);
            if (value == null)
            {
                return default(T);
            }

            return (T)value;
        }

        /// <summary>Adds or replaces the attribute's value; throws ArgumentNullException for a null or blank name.</summary>
        protected virtual void SetAttributeValue(string attributeLogicalName, object value)
        {
            if (string.IsNullOrWhiteSpace(attributeLogicalName))
            {
                throw new ArgumentNullException(nameof(attributeLogicalName));
            }

            this[attributeLogicalName] = value;
        }

        /// <summary>The attribute's formatted value, or null when there is none.</summary>
        protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
        {
            if (string.IsNullOrWhiteSpace(attributeLogicalName))
            {
                throw new ArgumentNullException(nameof(attributeLogicalName));
            }

            string formatted;
            return FormattedValues.TryGetValue(attributeLogicalName, out formatted) ? formatted : null;
        }

        internal void ShallowCopyTo(Entity target)
        {
            if (target == null || ReferenceEquals(target, this))
            {
                return;
            }

            target.Id = Id;
            target._logicalName = _logicalName;
            target._entityState = _entityState;
            target.Attributes = Attributes;
            target.FormattedValues = FormattedValues;
            target.RowVersion = RowVersion;
            target.KeyAttributes = KeyAttributes;
        }

        private object GetAttributeValue(string attributeLogicalName)
        {
            if (string.IsNullOrWhiteSpace(attributeLogicalName))
            {
                throw new ArgumentNullException(nameof(attributeLogicalName));
            }

            object value;
            return Attributes.TryGetValue(attributeLogicalName, out value) ? value : null;
        }
    }
}
