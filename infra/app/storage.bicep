// The storage account with the containers, queues and tables the application uses. Shared-key access is off:
// every caller (the app, the Functions host, the CLI) authenticates with Microsoft Entra ID. This account holds
// the comments, so it is protected against accidents: soft delete for blobs and containers, blob versioning, and a
// delete lock on the account itself (docs/deploy.md says how to lift it before `azd down`).
param name string
param location string
param tags object
param containerNames array
param queueNames array
param tableNames array

@description('True when the account is reached only through private endpoints (vnetEnabled).')
param privateOnly bool

@minValue(1)
@maxValue(365)
@description('Days a deleted blob or container can still be restored.')
param softDeleteDays int = 14

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: privateOnly ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: privateOnly ? 'Deny' : 'Allow'
    }
  }
}

// A lock stops the account, and with it every comment, from being deleted with the resource group by mistake.
// It guards the control plane only: the app still reads, writes and deletes its data as usual.
resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = {
  name: 'keep-comments'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the comments. Remove this lock on purpose before azd down (docs/deploy.md).'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    // Azure versions blobs per account, not per container: an overwritten article (or settings, or model) blob keeps
    // its earlier version. The lifecycle rule below keeps the often-retrained models from piling up versions.
    isVersioningEnabled: true
  }
}

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-old-model-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'models/'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: softDeleteDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [
    blobService
  ]
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

output name string = account.name
output blobServiceUri string = account.properties.primaryEndpoints.blob
output queueServiceUri string = account.properties.primaryEndpoints.queue
output tableServiceUri string = account.properties.primaryEndpoints.table
