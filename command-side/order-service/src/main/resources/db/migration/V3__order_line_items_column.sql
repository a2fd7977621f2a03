-- The line items move into the order row as one jsonb array, in the shape the order events carry them:
-- [{"menuItemId": "...", "name": "...", "quantity": 2, "unitPrice": {"amount": "9.50", "currency": "EUR"}}, ...], in order.
-- Spring Data JDBC rewrote a child table on every save of its root (a query to read the lines, then delete them
-- all and insert them again), although only a revision changes them; as a column, approving or cancelling an
-- order is one update of its row. Lines are only ever read whole, with their order.
alter table orders add column line_items jsonb;

update orders o set line_items = (
    select jsonb_agg(jsonb_build_object('menuItemId', l.menu_item_id, 'name', l.name, 'quantity', l.quantity,
                                        'unitPrice', jsonb_build_object('amount', l.unit_price_amount, 'currency', l.unit_price_currency))
                     order by l.position)
    from order_line_item l where l.order_id = o.id);

alter table orders
    alter column line_items set not null,
    -- What the child table's columns checked, so that what is stored can always be published (schemas/events/order/*):
    -- one to a hundred lines, each with an id, a name, a quantity and a price of the events' forms.
    add constraint orders_line_items_valid check (
        jsonb_typeof(line_items) = 'array' and jsonb_array_length(line_items) between 1 and 100
        and not jsonb_path_exists(line_items, '$[*] ? (!(@.menuItemId like_regex "^[A-Za-z0-9._-]{1,64}$")
                                                      || !(@.name like_regex "^.{1,200}$" flag "s")
                                                      || !(@.quantity >= 1 && @.quantity <= 100)
                                                      || !(@.unitPrice.amount like_regex "^(0|[1-9][0-9]{0,8})\\.[0-9]{2}$")
                                                      || !(@.unitPrice.currency like_regex "^[A-Z]{3}$"))'));

drop table order_line_item;
