import { authenticate, defineMiddlewares } from "@medusajs/framework/http"
import { lineItemInCart } from "./guards/line-item-in-cart"
import { orderBelongsToCustomer } from "./guards/order-belongs-to-customer"
import { paymentCollectionExists } from "./guards/payment-collection-exists"

export default defineMiddlewares({
  routes: [
    {
      method: ["GET"],
      matcher: "/store/orders/:id",
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        orderBelongsToCustomer,
      ],
    },
    {
      method: ["POST"],
      matcher: "/store/payment-collections/:id/payment-sessions",
      middlewares: [paymentCollectionExists],
    },
    {
      method: ["DELETE"],
      matcher: "/store/carts/:id/line-items/:line_id",
      middlewares: [lineItemInCart],
    },
  ],
})
