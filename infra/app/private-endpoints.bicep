// Private endpoints that put a storage account's services into the virtual network, each registered in the
// matching private DNS zone so the account's usual host names resolve to the private address.
param storageAccountName string
param location string
param tags object
param subnetId string

@description('Storage services to reach privately (blob, queue, table), in the order of zoneIds.')
param services array

@description('Private DNS zone ids, one per entry of services.')
param zoneIds array

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource endpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [
  for service in services: {
    name: 'pe-${storageAccountName}-${service}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: subnetId
      }
      privateLinkServiceConnections: [
        {
          name: '${storageAccountName}-${service}'
          properties: {
            privateLinkServiceId: account.id
            groupIds: [
              service
            ]
          }
        }
      ]
    }
  }
]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [
  for (service, i) in services: {
    parent: endpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: service
          properties: {
            privateDnsZoneId: zoneIds[i]
          }
        }
      ]
    }
  }
]
