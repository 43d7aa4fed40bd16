// The products whose tasks can be watched, in the order users see them. Each product is one adapter and one
// registration line in Products.cpp.
#pragma once

#include "products/ProductAdapter.h"

#include <QList>
#include <QStringList>
#include <QStringView>

namespace taskwatch::Products {

const QList<const ProductAdapter*>& all();
// By key, any case ("Redis" finds redis); nullptr when there is no such product.
const ProductAdapter* find(QStringView key);
QStringList keys();

} // namespace taskwatch::Products
