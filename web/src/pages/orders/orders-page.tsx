import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useEffect, useState, type FormEvent } from 'react';
import { PRODUCT_TYPES, type PhoneNumberType, type ProductType } from '../../../../src/contract/enums';
import { messageOf } from '../../api/api-error';
import { listAll } from '../../api/list-all';
import { createOrder, listOrders, searchAvailableNumbers, type PhoneNumberOrder, type SearchQuery } from '../../api/orders';
import { formatTimestamp, PRODUCT_TYPE_LABELS } from '../../common/labels';
import { productTypeRestriction, type NumberKind } from '../../common/product-type-rules';
import { tableSelectionLabels } from '../../common/table-strings';
import { ListLoadError } from '../../common/list-load-error';
import { useAsync } from '../../common/use-async';
import { ConsoleLayout } from '../../layout/console-layout';
import { useNotifications } from '../../notifications/notifications';
import { searchProblems, searchQuery, type SearchErrors, type SearchForm } from './search-form';

interface Found {
  E164PhoneNumber: string;
}

/** The numbers a search found, with what kind of numbers it asked for: the form may have changed since. */
interface SearchResults {
  numbers: Found[];
  kind: NumberKind;
}

/** The kind of number a search finds: its country, and toll-free when it asks for toll-free numbers. */
function kindOf(query: SearchQuery): NumberKind {
  // Without a country the API searches the US.
  return { Country: query.country ?? 'US', Type: query['phone-number-type'] === 'TollFree' || query['toll-free-prefix'] !== undefined ? 'TollFree' : 'Local' };
}

const ORDER_STATUS_INDICATOR = { Processing: 'in-progress', Successful: 'success', Partial: 'warning', Failed: 'error' } as const;
/** While an order is Processing its status is read again this often, until it is done. */
const ORDER_POLL_MS = 2000;
/** A search or order that succeeds takes the failure of the attempt before it off the page. */
const SEARCH_FAILED = 'search-failed';
const ORDER_FAILED = 'order-failed';

/** Ordering numbers: search the available pool, order the chosen ones, and watch the order's status. */
export function OrdersPage() {
  const { notify, dismiss } = useNotifications();
  const [form, setForm] = useState<SearchForm>({ country: 'US', areaCode: '', city: '', state: '', tollFreePrefix: '', numberType: '' });
  const [errors, setErrors] = useState<SearchErrors>({});
  const [results, setResults] = useState<SearchResults | undefined>();
  const found = results?.numbers;
  const [selected, setSelected] = useState<Found[]>([]);
  const [searching, setSearching] = useState(false);
  const [ordering, setOrdering] = useState(false);
  const [productType, setProductType] = useState<ProductType>('VoiceConnector');
  const orders = useAsync(
    () =>
      listAll(async (token) => {
        const page = await listOrders(token);
        return { items: page.PhoneNumberOrders, nextToken: page.NextToken };
      }),
    [],
  );
  const ordersFailed = orders.error !== undefined && !orders.loading;
  const processing = (orders.value ?? []).some((o) => o.Status === 'Processing');
  useEffect(() => {
    if (!processing) return;
    const timer = setTimeout(orders.reload, ORDER_POLL_MS);
    return () => clearTimeout(timer);
  }, [processing, orders.value, orders.reload]);

  const change = (patch: Partial<SearchForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors({});
  };
  const search = async (event: FormEvent) => {
    event.preventDefault();
    const problems = searchProblems(form);
    if (Object.keys(problems).length > 0) return setErrors(problems);
    setSearching(true);
    try {
      const query = searchQuery(form);
      const result = await searchAvailableNumbers(query);
      setResults({ numbers: result.E164PhoneNumbers.map((E164PhoneNumber) => ({ E164PhoneNumber })), kind: kindOf(query) });
      setSelected([]);
      dismiss(SEARCH_FAILED);
    } catch (error) {
      notify({ id: SEARCH_FAILED, type: 'error', header: 'The search failed', content: messageOf(error) });
    } finally {
      setSearching(false);
    }
  };

  // What may be ordered follows the search whose numbers are on screen, not the form, which may have
  // changed since (a new search shows new numbers).
  const restriction = results ? productTypeRestriction([results.kind], productType) : undefined;
  const order = async () => {
    if (restriction) return;
    setOrdering(true);
    try {
      const placed = await createOrder({ ProductType: productType, E164PhoneNumbers: selected.map((n) => n.E164PhoneNumber) });
      notify({ id: `order-${placed.PhoneNumberOrderId}`, type: 'success', dismisses: [ORDER_FAILED], content: `Order ${placed.PhoneNumberOrderId} placed for ${placed.OrderedPhoneNumbers.length} phone numbers.` });
      setResults((r) => r && { ...r, numbers: r.numbers.filter((n) => !selected.includes(n)) });
      setSelected([]);
      orders.reload();
    } catch (error) {
      notify({ id: ORDER_FAILED, type: 'error', header: 'The order was not placed', content: messageOf(error) });
    } finally {
      setOrdering(false);
    }
  };

  return (
    <ConsoleLayout breadcrumbs={[{ text: 'Phone number management', path: '/inventory' }, { text: 'Orders', path: '/orders' }]}>
      <ContentLayout header={<Header variant="h1" description="Search the numbers available to order, order them, and follow each order until its numbers are in the inventory.">Orders</Header>}>
        <SpaceBetween size="l">
          <form onSubmit={(event) => void search(event)} noValidate>
            <Form
              errorText={errors.form}
              actions={
                <Button variant="primary" formAction="submit" loading={searching}>
                  Search
                </Button>
              }
            >
              <Container header={<Header variant="h2">Search available numbers</Header>}>
                <ColumnLayout columns={3}>
                  <FormField label="Country" errorText={errors.country}>
                    <Input value={form.country} onChange={({ detail }) => change({ country: detail.value })} invalid={!!errors.country} />
                  </FormField>
                  <FormField label="Area code" errorText={errors.areaCode}>
                    <Input value={form.areaCode} inputMode="numeric" onChange={({ detail }) => change({ areaCode: detail.value })} invalid={!!errors.areaCode} />
                  </FormField>
                  <FormField label="Toll-free prefix" errorText={errors.tollFreePrefix}>
                    <Input value={form.tollFreePrefix} inputMode="numeric" onChange={({ detail }) => change({ tollFreePrefix: detail.value })} invalid={!!errors.tollFreePrefix} />
                  </FormField>
                  <FormField label="City" errorText={errors.city}>
                    <Input value={form.city} onChange={({ detail }) => change({ city: detail.value })} />
                  </FormField>
                  <FormField label="State" errorText={errors.state}>
                    <Input value={form.state} onChange={({ detail }) => change({ state: detail.value })} invalid={!!errors.state} />
                  </FormField>
                  <FormField label="Number type" errorText={errors.numberType}>
                    <Select
                      selectedOption={{ value: form.numberType, label: form.numberType === '' ? 'Any' : form.numberType === 'TollFree' ? 'Toll-free' : 'Local' }}
                      onChange={({ detail }) => change({ numberType: (detail.selectedOption.value ?? '') as PhoneNumberType | '' })}
                      options={[
                        { value: '', label: 'Any' },
                        { value: 'Local', label: 'Local' },
                        { value: 'TollFree', label: 'Toll-free' },
                      ]}
                    />
                  </FormField>
                </ColumnLayout>
              </Container>
            </Form>
          </form>
          {found && (
            <Table
              variant="container"
              items={found}
              trackBy="E164PhoneNumber"
              selectionType="multi"
              selectedItems={selected}
              onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
              ariaLabels={tableSelectionLabels('available number', (n: Found) => n.E164PhoneNumber)}
              columnDefinitions={[{ id: 'number', header: 'Phone number', isRowHeader: true, cell: (n) => n.E164PhoneNumber }]}
              header={
                <Header
                  variant="h2"
                  counter={`(${selected.length}/${found.length})`}
                  actions={
                    <SpaceBetween direction="horizontal" size="xs" alignItems="end">
                      <FormField label="Product type" errorText={selected.length > 0 ? restriction : undefined}>
                        <Select
                          selectedOption={{ value: productType, label: PRODUCT_TYPE_LABELS[productType] }}
                          onChange={({ detail }) => setProductType(detail.selectedOption.value as ProductType)}
                          options={PRODUCT_TYPES.map((t) => ({ value: t, label: PRODUCT_TYPE_LABELS[t] }))}
                        />
                      </FormField>
                      <Button
                        variant="primary"
                        disabled={selected.length === 0 || restriction !== undefined}
                        disabledReason={selected.length === 0 ? 'Select the numbers to order.' : restriction}
                        loading={ordering}
                        onClick={() => void order()}
                      >
                        Order
                      </Button>
                    </SpaceBetween>
                  }
                >
                  Available numbers
                </Header>
              }
              empty={<Box textAlign="center">No available numbers match this search</Box>}
            />
          )}
          <Table
            variant="container"
            items={ordersFailed ? [] : (orders.value ?? [])}
            loading={orders.loading && !orders.value}
            loadingText="Loading orders"
            trackBy="PhoneNumberOrderId"
            columnDefinitions={[
              { id: 'id', header: 'Order ID', isRowHeader: true, cell: (o: PhoneNumberOrder) => o.PhoneNumberOrderId },
              { id: 'type', header: 'Product type', cell: (o) => PRODUCT_TYPE_LABELS[o.ProductType] },
              { id: 'status', header: 'Status', cell: (o) => <StatusIndicator type={ORDER_STATUS_INDICATOR[o.Status]}>{o.Status}</StatusIndicator> },
              {
                id: 'numbers',
                header: 'Numbers (acquired / ordered)',
                cell: (o) => `${o.OrderedPhoneNumbers.filter((n) => n.Status === 'Acquired').length} / ${o.OrderedPhoneNumbers.length}`,
              },
              { id: 'created', header: 'Created', cell: (o) => formatTimestamp(o.CreatedTimestamp) },
            ]}
            header={
              <Header variant="h2" counter={orders.value && !ordersFailed ? `(${orders.value.length})` : undefined} actions={<Button iconName="refresh" ariaLabel="Refresh orders" onClick={orders.reload} />}>
                Phone number orders
              </Header>
            }
            empty={ordersFailed ? <ListLoadError error={orders.error!} onRetry={orders.reload} /> : <Box textAlign="center">No orders yet</Box>}
          />
        </SpaceBetween>
      </ContentLayout>
    </ConsoleLayout>
  );
}
