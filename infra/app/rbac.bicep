// Data-plane roles instead of keys: the app's identity (and, optionally, the person deploying) may use the
// storage account's blobs, queues and tables; the identity may also use the package account and send telemetry.
param storageAccountName string
@description('The account holding only the app package.')
param packageStorageAccountName string
param applicationInsightsName string
param identityPrincipalId string

@description('Object id of the person running azd; empty grants them nothing.')
param userPrincipalId string

@allowed([
  'User'
  'ServicePrincipal'
])
param userPrincipalType string

// Built-in role definition ids, the same in every Azure tenant.
var storageRoles = [
  {
    name: 'Storage Blob Data Owner'
    id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  }
  {
    name: 'Storage Queue Data Contributor'
    id: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  }
  {
    name: 'Storage Table Data Contributor'
    id: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  }
]
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource packageStorageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: packageStorageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource identityStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storageAccount.id, identityPrincipalId, role.id)
    scope: storageAccount
    properties: {
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id)
      description: '${role.name} for the Commentary Function App'
    }
  }
]

resource userStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: if (!empty(userPrincipalId)) {
    name: guid(storageAccount.id, userPrincipalId, role.id)
    scope: storageAccount
    properties: {
      principalId: userPrincipalId
      principalType: userPrincipalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.id)
      description: '${role.name} for the person who deployed Commentary (CLI imports and exports)'
    }
  }
]

// The platform writes the package azd uploads and the app's instances read it, both as the identity.
resource identityPackageRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(packageStorageAccount.id, identityPrincipalId, storageBlobDataContributor)
  scope: packageStorageAccount
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    description: 'Storage Blob Data Contributor on the package account for the Commentary Function App'
  }
}

resource identityTelemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityPrincipalId, monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    description: 'Monitoring Metrics Publisher for the Commentary Function App'
  }
}
