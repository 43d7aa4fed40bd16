#include "products/Products.h"

#include "products/CdbAdapter.h"
#include "products/MongodbAdapter.h"
#include "products/PostgresAdapter.h"
#include "products/RedisAdapter.h"

namespace taskwatch::Products {

namespace {
template <typename Adapter> const ProductAdapter* registered() {
    static const Adapter adapter;
    return &adapter;
}
} // namespace

const QList<const ProductAdapter*>& all() {
    static const QList<const ProductAdapter*> products{
        registered<CdbAdapter>(),
        registered<MongodbAdapter>(),
        registered<RedisAdapter>(),
        registered<PostgresAdapter>(),
    };
    return products;
}

const ProductAdapter* find(QStringView key) {
    const QStringView k = key.trimmed();
    for (const ProductAdapter* p : all()) {
        if (k.compare(p->key(), Qt::CaseInsensitive) == 0)
            return p;
    }
    return nullptr;
}

QStringList keys() {
    QStringList result;
    for (const ProductAdapter* p : all())
        result.append(p->key());
    return result;
}

} // namespace taskwatch::Products
